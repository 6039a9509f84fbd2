/**
 * A value as a message may quote it: its first `max` characters, then "…". A refused cell can
 * hold 32,767 characters, and a message per row that repeated it whole made a preview of
 * gigabytes; the row and column already say where the full value is.
 */
export function excerpt(value: unknown, max = 20): string {
  const text = String(value ?? '');
  if (text.length <= max) return text;
  // Never half of a surrogate pair (an emoji, a rare Han character).
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
