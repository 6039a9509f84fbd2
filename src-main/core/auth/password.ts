import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's work factor; r and p stay at 8 and 1. */
export interface PasswordCost {
  N: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1. What the app ships with. */
export const PASSWORD_COST: PasswordCost = { N: 2 ** 17 };
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// 128 · N · r bytes are needed; leave headroom.
const MAX_MEM = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key))));
}

/**
 * `scrypt$N$r$p$salt$hash`, so parameters can be raised later without breaking old hashes.
 * `cost` is the app's (`AppCore.passwordCost`): production's unless a test opened it cheaper.
 */
export async function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: cost.N, r: R, p: P });
  return ['scrypt', cost.N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random secret, compared against when the user does not exist so timing tells
 * nothing: at the cost real accounts are hashed with, one per cost.
 */
const decoys = new Map<number, Promise<string>>();
export function decoyHash(cost: PasswordCost): Promise<string> {
  let decoy = decoys.get(cost.N);
  if (!decoy) {
    decoy = hashPassword(randomBytes(16).toString('hex'), cost);
    decoys.set(cost.N, decoy);
  }
  return decoy;
}
