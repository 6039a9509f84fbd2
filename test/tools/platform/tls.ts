import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export const TLS_CERT_FILE = 'platform-tls-cert.pem';
export const TLS_KEY_FILE = 'platform-tls-key.pem';

const DAY = 86_400_000;

export interface TlsFiles {
  certPem: string;
  keyPem: string;
  certPath: string;
}

function stillGood(certPem: string, keyPem: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    return cert.checkIP('127.0.0.1') !== undefined && cert.checkHost('localhost') !== undefined && Date.parse(cert.validTo) - Date.now() > DAY && keyPem.includes('PRIVATE KEY');
  } catch {
    return false;
  }
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost, kept beside the signing key so a test
 * or the app's settings can trust it (platformCaPem) across runs; remade when missing or near
 * its end.
 */
export async function ensureTlsCert(keysDir: string): Promise<TlsFiles> {
  const certPath = join(keysDir, TLS_CERT_FILE);
  const keyPath = join(keysDir, TLS_KEY_FILE);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8');
    const keyPem = readFileSync(keyPath, 'utf8');
    if (stillGood(certPem, keyPem)) return { certPem, keyPem, certPath };
  }
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 5 * 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { certPem: pems.cert, keyPem: pems.private, certPath };
}
