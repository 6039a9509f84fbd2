import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnName, parseCellRef } from '../../src-main/pipelines/xlsx/cell-ref';
import { decodeXstring } from '../../src-main/pipelines/xlsx/ooxml-text';
import { XmlGuard } from '../../src-main/pipelines/xlsx/xml-guard';

/** Feeds `xml` in the given pieces; returns what was passed on, with ⟨cut⟩ where the guard cut. */
function guard(xml: string, splits: number[], maxText: number, maxMarkup = 1000): string {
  let out = '';
  const g = new XmlGuard(maxText, maxMarkup, { write: (s) => (out += s), cut: () => (out += '⟨cut⟩'), tooLong: () => new Error('too long') });
  let at = 0;
  for (const s of [...splits.filter((n) => n > 0 && n < xml.length)].sort((a, b) => a - b)) {
    g.feed(xml.slice(at, s));
    at = s;
  }
  g.feed(xml.slice(at));
  return out;
}

const MARKUP = ['<row r="1">', '</row>', '<c r="A1" t=\'s\' x="a>b<c">', '<!-- a > b -- > -->', '<![CDATA[ <t> ]] ]>x ]]>', '<?xml version="1.0"?>', '<?pi a > b ??>', '<br/>'];

describe('XML guard', () => {
  it('passes XML within the bounds on unchanged, however it is split into chunks', () => {
    // Markup, each followed by up to 12 characters of text.
    const piece = fc.tuple(fc.constantFrom(...MARKUP), fc.stringMatching(/^[^<]{0,12}$/));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(400), { maxLength: 8 }), (pieces, splits) => {
        const xml = pieces.flat().join('');
        return guard(xml, splits, 12) === xml;
      }),
    );
  });

  it('cuts a text run at the bound, once, and passes the markup after it on', () => {
    const xml = `<t>${'a'.repeat(25)}</t><t>bb</t>`;
    for (const splits of [[], [5], [4, 12, 20, 27], [28, 29]]) expect(guard(xml, splits, 10)).toBe(`<t>${'a'.repeat(10)}⟨cut⟩</t><t>bb</t>`);
    // Quotes and '>' in text are text; a comment is markup, not text.
    expect(guard(`<t>a"b'>c</t><!-- ${'x'.repeat(30)} -->`, [], 10)).toBe(`<t>a"b'>c</t><!-- ${'x'.repeat(30)} -->`);
    // Never between the halves of a surrogate pair.
    expect(guard(`<t>aaaa𠀀𠀀</t>`, [], 5)).toBe(`<t>aaaa⟨cut⟩</t>`);
  });

  it('refuses markup past its bound: a long tag, attribute, comment or CDATA section', () => {
    for (const xml of [`<c r="${'A'.repeat(100)}">`, `<!--${'-'.repeat(100)}`, `<![CDATA[${'<'.repeat(100)}]]>`, `<c x='${'>'.repeat(100)}'/>`])
      expect(() => guard(xml, [7, 50], 10, 60)).toThrow('too long');
  });
});

describe('cell references and ST_Xstring escapes', () => {
  it('reads references inside the grid only', () => {
    expect(parseCellRef('A1')).toEqual({ col: 0, row: 1 });
    expect(parseCellRef('XFD1048576')).toEqual({ col: 16_383, row: 1_048_576 });
    for (const bad of ['XFE1', 'A1048577', 'AAAAAAA2', 'A0', 'A01', '1A', 'A', '', 'A1:B2', 'A-1']) expect(parseCellRef(bad)).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 0, max: 16_383 }), (i) => parseCellRef(`${columnName(i)}7`)?.col === i));
  });

  it('decodes _xHHHH_, with _x005F_ as the underscore', () => {
    expect(decodeXstring('_x005F_x000D_')).toBe('_x000D_');
    expect(decodeXstring('a_x000D__x000A_b')).toBe('a\r\nb');
    expect(decodeXstring('_x4E2D__x6587_')).toBe('中文');
    expect(decodeXstring('_x00_ _xGGGG_ x000D_')).toBe('_x00_ _xGGGG_ x000D_');
  });
});
