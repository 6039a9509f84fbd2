import { z } from 'zod';
import type { Access } from '../roles';
import { joinDisjoint, type UnionToIntersection } from '../join';

/**
 * One operation of the API, declared once: the main process validates `input` on every
 * call and checks `access`; the renderer gets its types from the same object.
 * `Out` exists only at the type level.
 */
export interface OpDef<In extends z.ZodType = z.ZodType, Out = unknown> {
  readonly input: In;
  readonly access: Access;
  /** Mutations are audited and refused while the store is read-only (restore in progress). */
  readonly mutates: boolean;
  readonly summary: string;
  readonly __out?: Out;
}

export function op<Out>() {
  return <In extends z.ZodType>(def: { input: In; access: Access; mutates?: boolean; summary: string }): OpDef<In, Out> => ({
    input: def.input,
    access: def.access,
    mutates: def.mutates ?? false,
    summary: def.summary,
  });
}

export type OpsMap = Record<string, OpDef>;
export type InputOf<D> = D extends OpDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<D> = D extends OpDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<D> = D extends OpDef<z.ZodType, infer O> ? O : never;

export const empty = z.object({}).strict();

/** Trimmed, non-empty text with a Chinese field name in its message. */
export function text(label: string, max = 200) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });
}

export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字符` })
    .optional();
}

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Joins the workflows' operation maps, refusing a name declared twice. */
export function mergeOps<T extends OpsMap[]>(...groups: T): UnionToIntersection<T[number]> {
  return joinDisjoint('operation', ...groups);
}
