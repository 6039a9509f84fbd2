import { z } from 'zod';

/**
 * The data package: a ZIP with manifest.json (what it holds, with a SHA-256 per file), an
 * optional manifest.sig (Ed25519 over the exact bytes of manifest.json) and its payload files.
 * docs/package-format.md is the prose version of this file.
 */
export const PACKAGE_FORMAT = 'examsite-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

/** One kind of data a package may carry: declared by its workflow, joined in `package-kinds.ts`. */
export interface KindDef {
  label: string;
  direction: 'in' | 'out';
  /** The payload's path inside the ZIP. */
  file: string;
  payload: z.ZodType;
}

/** The years a package may be dated in: a clock set to 1970 or 2200 is a fault, not a date. */
export const PACKAGE_YEARS = { from: 2000, to: 2099 } as const;

function inPackageYears(iso: string): boolean {
  const year = new Date(iso).getUTCFullYear();
  return year >= PACKAGE_YEARS.from && year <= PACKAGE_YEARS.to;
}

/** C0 controls and DEL: no name, code or note of a package carries them (a tab or NUL in a name hides who it is). */
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A text field of a payload written from the store's own data: trimmed, 1–`max` characters. */
export const boundedText = (max: number) => z.string().trim().min(1).max(max);

/** A text field of a payload from outside: trimmed, 1–`max` characters, no control characters. */
export function payloadText(max: number) {
  return z
    .string({ error: '应为文字' })
    .trim()
    .min(1, { error: '不能为空' })
    .max(max, { error: `不能超过 ${max} 个字符` })
    .refine((v) => !CONTROL_CHARS.test(v), { error: '含有控制字符（如换行、制表符）' });
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'SHA-256 应为 64 位十六进制' });

export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT, { error: `不是考点助手数据包（format 应为 ${PACKAGE_FORMAT}）` }),
    formatVersion: z.number().int().positive(),
    kinds: z.array(z.string().max(80)).min(1, { error: '数据包没有声明任何数据类型' }).max(50),
    sender: z.object({ type: z.enum(['platform', 'institution']), id: z.string().min(1).max(80), name: z.string().max(200) }).strict(),
    institutionCode: z.string().regex(/^\d{10}$/, { error: '院校代码应为 10 位数字' }),
    sequence: z.number().int().positive(),
    createdAt: z.iso
      .datetime({ offset: true, error: 'createdAt 应为带时区的 ISO 时间' })
      .refine((v) => inPackageYears(v), { error: `数据包的生成时间应在 ${PACKAGE_YEARS.from}–${PACKAGE_YEARS.to} 年之间` }),
    files: z
      .array(z.object({ path: z.string().min(1).max(260), sha256, size: z.number().int().nonnegative() }).strict())
      .min(1)
      .max(10_000),
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
