import { settingsSchema } from '../../../src-shared/api/settings';

const pemSchema = settingsSchema.shape.platformPublicKeys.element;

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): 12 bytes, then the 32-byte key. */
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** The DER bytes of a PEM public key, or null when the text is not one. */
export function pemToDer(pem: string): Uint8Array<ArrayBuffer> | null {
  const m = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(pem);
  if (!m) return null;
  try {
    return Uint8Array.from(atob(m[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function isEd25519Spki(der: Uint8Array): boolean {
  return der.length === 44 && ED25519_SPKI_PREFIX.every((b, i) => der[i] === b);
}

/**
 * The key's short id, computed as the core does (first 16 hex digits of the SHA-256 of the
 * DER), so the person can match it with the 已验证签名 line of a package preview.
 */
export async function keyIdOf(pem: string): Promise<string | null> {
  const der = pemToDer(pem);
  if (!der || !isEd25519Spki(der) || !globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A key file is a few hundred bytes; anything much larger is not one. */
export const MAX_KEY_FILE_BYTES = 16 * 1024;

/**
 * Why this text is not a platform key the settings accept (the contract's PEM rule, then
 * Ed25519), or null when it is one: the one check for pasted text and for a chosen file.
 */
export function platformKeyProblem(pem: string): string | null {
  const text = pem.trim();
  if (!text) return '请粘贴平台公钥，或删除这一项';
  const r = pemSchema.safeParse(text);
  if (!r.success) return r.error.issues[0]?.message ?? '公钥格式不正确';
  const der = pemToDer(text);
  if (!der || !isEd25519Spki(der)) return '这不是 Ed25519 公钥：平台的数据包签名使用 Ed25519';
  return null;
}

/** The text of a chosen key file, or why it cannot be one (naming the file). */
export async function readKeyFile(file: File): Promise<{ pem: string } | { problem: string }> {
  if (file.size > MAX_KEY_FILE_BYTES) return { problem: `${file.name} 有 ${Math.ceil(file.size / 1024)} KB，不是公钥文件（公钥文件不超过 16 KB）。` };
  const pem = (await file.text()).trim();
  const problem = platformKeyProblem(pem);
  return problem ? { problem: `${file.name}：${problem}` } : { pem };
}
