/**
 * ECMA-376 ST_Xstring: text in a spreadsheet part may carry `_xHHHH_`, one UTF-16 code unit
 * written as hex — how Excel stores characters XML cannot hold, such as the carriage return of
 * a line break inside a cell (`_x000D_`). `_x005F_` is the escaped underscore, so
 * `_x005F_x000D_` is the literal text `_x000D_`: one left-to-right pass decodes both right.
 */
export function decodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
