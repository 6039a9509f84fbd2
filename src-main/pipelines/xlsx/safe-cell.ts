/**
 * DESIGN.md §4, "exports are safe to open": text that a spreadsheet program would take for a
 * formula — starting with = + - @, or with a tab or CR (some programs strip those first).
 *
 * In an xlsx a text cell is never evaluated: a formula lives in its own `<f>` element, and a
 * cell's text is only ever shown. So the text is written as it is — what Excel, the platform's
 * import and our own read back — and formula-looking text gets the Text number format, so that
 * editing the cell in Excel keeps it text as well. Only CSV, where every field is parsed as if
 * typed in, needs the text itself changed: a leading apostrophe (Excel's own mark for "this is
 * text"), which our CSV import takes off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value for a cell: numbers stay numbers, anything else is its text. */
export function cellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : String(value);
}

export function looksLikeFormula(value: unknown): value is string {
  return typeof value === 'string' && FORMULA_START.test(value);
}

// Text already starting with apostrophes before such a character gets one more, so that
// `restoreCsvText` gives back exactly what was written, apostrophes included.
const ESCAPED = /^'*[=+\-@\t\r]/;
const RESTORABLE = /^'+[=+\-@\t\r]/;

/** A CSV field's text with formula-looking text neutralised; `restoreCsvText` undoes it. */
export function csvSafeText(text: string): string {
  return ESCAPED.test(text) ? `'${text}` : text;
}

/** The text `csvSafeText` was given. */
export function restoreCsvText(text: string): string {
  return RESTORABLE.test(text) ? text.slice(1) : text;
}
