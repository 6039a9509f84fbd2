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
