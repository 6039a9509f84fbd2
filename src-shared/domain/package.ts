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
