import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../src-main/pipelines/packages/signing';
import { keyIdOf, MAX_KEY_FILE_BYTES, platformKeyProblem, readKeyFile } from '../../src-renderer/workflows/sync/platform-key';

const pemFile = (text: string, name = 'platform-public.pem') => new File([text], name, { type: 'application/x-pem-file' });

describe('the platform key from a .pem file', () => {
  it('reads an Ed25519 PEM file as the settings accept it, with Windows line ends and a BOM, and the core’s key id', async () => {
    const key = generateSigningKey();
    const r = await readKeyFile(pemFile(`\uFEFF${key.publicPem.replace(/\n/g, '\r\n')}\r\n`));
    expect(r).toEqual({ pem: key.publicPem.trim().replace(/\n/g, '\r\n') });
    expect(await keyIdOf((r as { pem: string }).pem)).toBe(key.keyId);
  });

  it('refuses, naming the file, what pasted text would be refused for: not PEM, not Ed25519, a private key, too large', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const key = generateSigningKey();
    const cases: [File, string][] = [
      [pemFile('hello', 'notes.pem'), 'notes.pem：平台公钥应为 PEM 格式（-----BEGIN PUBLIC KEY-----…）'],
      [pemFile('', 'empty.pem'), 'empty.pem：请粘贴平台公钥，或删除这一项'],
      [pemFile(rsa, 'rsa.pem'), 'rsa.pem：这不是 Ed25519 公钥：平台的数据包签名使用 Ed25519'],
      [pemFile(key.privatePem, 'platform-private.pem'), 'platform-private.pem：平台公钥应为 PEM 格式（-----BEGIN PUBLIC KEY-----…）'],
      [pemFile(key.publicPem + ' '.repeat(MAX_KEY_FILE_BYTES), 'big.pem'), 'big.pem 有 17 KB，不是公钥文件（公钥文件不超过 16 KB）。'],
    ];
    for (const [file, problem] of cases) expect(await readKeyFile(file), file.name).toEqual({ problem });
    // The same words as the form's rule gives pasted text.
    expect(platformKeyProblem(rsa)).toBe('这不是 Ed25519 公钥：平台的数据包签名使用 Ed25519');
    expect(platformKeyProblem(key.publicPem)).toBeNull();
  });
});
