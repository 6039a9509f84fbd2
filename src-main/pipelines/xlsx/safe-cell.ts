/**
 * DESIGN.md §4: text that Excel would read as a formula (= + - @, and tab/CR tricks) is
 * neutralised with a leading apostrophe (OWASP's advice for CSV/formula injection); ID numbers
 * stay text.
 */
export function safeCellText(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
