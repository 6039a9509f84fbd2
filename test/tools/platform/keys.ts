import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { generateSigningKey, parsePublicKey } from '../../../src-main/pipelines/packages/signing';

/** Under .tmp/, which git ignores: a simulator's keys are throwaway, never a real platform's. */
export const DEFAULT_KEYS_DIR = '.tmp/platform';

export const PRIVATE_KEY_FILE = 'platform-private.pem';
export const PUBLIC_KEY_FILE = 'platform-public.pem';
export const STATE_FILE = 'platform-state.json';

export interface PlatformKeys {
  dir: string;
  privatePem: string;
  publicPem: string;
  keyId: string;
}

/** The signing key of the keys folder, made on first use so a fresh checkout just works. */
export function openKeys(dir: string = DEFAULT_KEYS_DIR): PlatformKeys {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const privatePath = join(abs, PRIVATE_KEY_FILE);
  const publicPath = join(abs, PUBLIC_KEY_FILE);
  if (!existsSync(privatePath)) {
    const made = generateSigningKey();
    writeFileSync(privatePath, made.privatePem, { mode: 0o600 });
    writeFileSync(publicPath, made.publicPem);
  }
  const privatePem = readFileSync(privatePath, 'utf8');
  let publicPem: string;
  try {
    publicPem = createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new AppError('BAD_FILE', `${privatePath} 不是有效的私钥，请删除它后重新运行以生成新密钥。`, { file: privatePath });
  }
  const parsed = parsePublicKey(publicPem);
  if (!parsed) throw new AppError('BAD_FILE', `${privatePath} 不是 Ed25519 私钥，数据包签名需要 Ed25519。`, { file: privatePath });
  // The public file is what tests and people hand to the app: keep it the true half of the pair.
  if (!existsSync(publicPath) || readFileSync(publicPath, 'utf8') !== publicPem) writeFileSync(publicPath, publicPem);
  return { dir: abs, privatePem, publicPem, keyId: parsed.keyId };
}

interface PlatformState {
  nextSequence: Record<string, number>;
}

function readState(dir: string): PlatformState {
  const path = join(dir, STATE_FILE);
  if (!existsSync(path)) return { nextSequence: {} };
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as PlatformState;
    if (state && typeof state.nextSequence === 'object') return state;
  } catch {
    // Reported below, with the file named.
  }
  throw new AppError('BAD_FILE', `状态文件 ${path} 已损坏；删除它会让序号从 1 重新开始（已导入过数据包的院校会拒绝旧序号）。`, { file: path });
}

/**
 * The sequence number of the next package to an institution. The app refuses a sequence
 * older than one it applied, so every package from this folder's key goes forward. The file is
 * read for every package: the CLI and a running server may share a folder.
 */
export function takeSequence(keys: PlatformKeys, institutionCode: string, forced?: number): number {
  const state = readState(keys.dir);
  const next = state.nextSequence[institutionCode] ?? 1;
  const sequence = forced ?? next;
  state.nextSequence[institutionCode] = Math.max(next, sequence + 1);
  const path = join(keys.dir, STATE_FILE);
  writeFileSync(`${path}.partial`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${path}.partial`, path);
  return sequence;
}
