import { z } from 'zod';
import { catalogPayload, declarationPlansPayload, examPlansPayload, examSubjectsPayload } from './catalog';
import { candidatesPayload } from './candidate-payload';
import { realnameResultsPayload } from './realname';

/**
 * The data package: a ZIP with manifest.json (what it holds, with a SHA-256 per file), an
 * optional manifest.sig (Ed25519 over the exact bytes of manifest.json) and its payload files.
 * docs/package-format.md is the prose version of this file.
 */
export const PACKAGE_FORMAT = 'examsite-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

export const institutionPayload = z
  .object({
    code: z.string(),
    name: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
  })
  .strict();

export interface KindDef {
  label: string;
  direction: 'in' | 'out';
  /** The payload's path inside the ZIP. */
  file: string;
  payload: z.ZodType;
}

/** Every kind a package may carry. Later capabilities add theirs here. */
export const PACKAGE_KINDS = {
  catalog: { label: '证书目录', direction: 'in', file: 'payload/catalog.json', payload: catalogPayload },
  'declaration-plans': { label: '申报计划', direction: 'in', file: 'payload/declaration-plans.json', payload: declarationPlansPayload },
  'exam-subjects': { label: '考试科目', direction: 'in', file: 'payload/exam-subjects.json', payload: examSubjectsPayload },
  'exam-plans': { label: '考试计划', direction: 'in', file: 'payload/exam-plans.json', payload: examPlansPayload },
  'realname-results': { label: '实名认证结果', direction: 'in', file: 'payload/realname-results.json', payload: realnameResultsPayload },
  institution: { label: '院校信息', direction: 'out', file: 'payload/institution.json', payload: institutionPayload },
  candidates: { label: '考生信息', direction: 'out', file: 'payload/candidates.json', payload: candidatesPayload },
} as const satisfies Record<string, KindDef>;

export type PackageKind = keyof typeof PACKAGE_KINDS;
export const INBOUND_KINDS = (Object.keys(PACKAGE_KINDS) as PackageKind[]).filter((k) => PACKAGE_KINDS[k].direction === 'in');
export const OUTBOUND_KINDS = (Object.keys(PACKAGE_KINDS) as PackageKind[]).filter((k) => PACKAGE_KINDS[k].direction === 'out');

export function isPackageKind(k: string): k is PackageKind {
  return Object.prototype.hasOwnProperty.call(PACKAGE_KINDS, k);
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'SHA-256 应为 64 位十六进制' });

export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT, { error: `不是考点助手数据包（format 应为 ${PACKAGE_FORMAT}）` }),
    formatVersion: z.number().int().positive(),
    kinds: z.array(z.string()).min(1, { error: '数据包没有声明任何数据类型' }),
    sender: z.object({ type: z.enum(['platform', 'institution']), id: z.string().min(1).max(80), name: z.string().max(200) }).strict(),
    institutionCode: z.string().regex(/^\d{10}$/, { error: '院校代码应为 10 位数字' }),
    sequence: z.number().int().positive(),
    createdAt: z.iso.datetime({ offset: true }),
    files: z.array(z.object({ path: z.string().min(1).max(260), sha256, size: z.number().int().nonnegative() }).strict()).min(1),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

export const signatureSchema = z.object({ keyId: z.string().min(1).max(80), algorithm: z.literal('Ed25519'), signature: z.string().min(1).max(200) }).strict();
export type PackageSignature = z.infer<typeof signatureSchema>;

/**
 * Canonical JSON: object keys sorted, no whitespace, UTF-8. The same data always gives the
 * same bytes, so the same package twice has the same hash.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
