import { maskIdNumber } from '../../src-shared/domain/id-number';

/**
 * What never reaches a log line: ID numbers and secrets. Logs leave the building (导出日志 hands
 * them to support), so the logger redacts every line here, whatever the caller passed.
 */

/** Keys whose values are dropped from logged objects: passwords, their hashes, tokens. */
const SECRET_KEY = /pass(?:word|wd)|secret|token/i;
const HIDDEN = '[已隐去]';

/**
 * 17 digits and a digit or X: an 18-character GB 11643 number, checksum right or wrong (a
 * mistyped one is still a person's number). No word boundaries: inside a file name, a longer
 * string or JSON it is masked all the same; a longer run of digits loses its first 18 to it.
 */
const ID_NUMBER = /\d{17}[\dXx]/g;
/**
 * `password=…`, `"newPassword": "…"`, `token: …`, `密码：…`, also JSON inside a JSON string
 * (`\"password\":\"…\"`). Prose ("with password x") cannot be told from other words; no code
 * of ours writes a password into a message, and objects are cleaned by key (SECRET_KEY).
 */
const SECRET_PAIR = /((?:[\w-]*(?:pass(?:word|wd)|secret|token)[\w-]*|密码|口令)(?:\\?["'])?\s*[:=：]\s*)(\\"(?:[^\\]|\\[^"])*?\\"|"(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}\]]+)/gi;
/** Our stored password hashes (`scrypt$N$r$p$salt$hash`), wherever one turns up. */
const SCRYPT_HASH = /scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+/g;

export function redactText(text: string): string {
  return text
    .replace(SCRYPT_HASH, `scrypt$${HIDDEN}`)
    .replace(SECRET_PAIR, (_m, key: string, value: string) => {
      const quote = ['\\"', '"', "'"].find((q) => value.startsWith(q)) ?? '';
      return `${key}${quote}${HIDDEN}${quote}`;
    })
    .replace(ID_NUMBER, (id) => maskIdNumber(id));
}

/** The `extra` of a log call as text: an error's stack (and cause), anything else as JSON without its secrets. */
export function describeExtra(extra: unknown): string {
  if (extra instanceof Error) return describeError(extra, 0);
  if (typeof extra === 'string') return extra;
  try {
    return JSON.stringify(extra, secretFreeReplacer()) ?? String(extra);
  } catch {
    return String(extra);
  }
}

function describeError(e: Error, depth: number): string {
  let text = e.stack ?? `${e.name}: ${e.message}`;
  // AppError's details, SQLite's code: what the stack does not say.
  const own = Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'cause'));
  if (Object.keys(own).length > 0) text += ` ${describeExtra(own)}`;
  if (e.cause !== undefined && depth < 3) text += `\nCaused by: ${e.cause instanceof Error ? describeError(e.cause, depth + 1) : describeExtra(e.cause)}`;
  return text;
}

function secretFreeReplacer(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>();
  return (key, value) => {
    if (key !== '' && SECRET_KEY.test(key)) return HIDDEN;
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) return '[circular]';
      seen.add(value);
    }
    return value;
  };
}
