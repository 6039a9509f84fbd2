import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { PackageSignature } from '../../../src-shared/domain/package';

/** Ed25519 keys for packages: PEM on disk and in settings, a short id derived from the key. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function generateSigningKey(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export function signManifest(manifestBytes: Buffer, privatePem: string): PackageSignature {
  const key = createPrivateKey(privatePem);
  const keyId = keyIdOf(createPublicKey(key));
  return { keyId, algorithm: 'Ed25519', signature: sign(null, manifestBytes, key).toString('base64') };
}

/** Parses a PEM public key; null when it is not an Ed25519 key. */
export function parsePublicKey(pem: string): { key: KeyObject; keyId: string } | null {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return { key, keyId: keyIdOf(key) };
  } catch {
    return null;
  }
}

export function verifyManifest(manifestBytes: Buffer, signature: PackageSignature, key: KeyObject): boolean {
  try {
    return verify(null, manifestBytes, key, Buffer.from(signature.signature, 'base64'));
  } catch {
    return false;
  }
}
