import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenLines, linesOf } from '../../src-main/pipelines/pdf/exam-docs/exam-doc-kit';
import { fontDir } from '../../src-main/pipelines/pdf/fonts';

// pdfkit's own font engine (pdfmake measures with it), to hold the estimates against the real widths.
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): { unitsPerEm: number; layout(text: string): { advanceWidth: number } } };
const fonts = ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map((f) => fontkit.openSync(join(fontDir(), f)));
const widest = (text: string, size: number) => Math.max(...fonts.map((f) => (f.layout(text).advanceWidth / f.unitsPerEm) * size));

const text = fc
  .array(fc.constantFrom(...'考生须凭本准考证和身份证件原件，于考试开始前分钟到达考场。（）《》、；：ABCXYZabcmw0123456789 -*:.@'), { maxLength: 120 })
  .map((cs) => cs.join(''));

describe('lines of text', () => {
  it('text kept on one line always fits its width in either weight', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 300 }), fc.constantFrom(8, 9.5, 10, 12), (t, width, size) => {
        const lines = linesOf(t, size, width);
        if (lines.length === 1 && lines[0] === t) expect(widest(t, size)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('past the estimate, a text its real width fits stays on one line; one it does not is broken', () => {
    const regular = (t: string) => (fonts[0]!.layout(t).advanceWidth / fonts[0]!.unitsPerEm) * 10;
    const id = '370611*****0375';
    // The estimate (the widest of each glyph in either weight) says it does not fit 82 points; in the regular weight it does.
    expect(regular(id)).toBeLessThanOrEqual(82);
    expect(linesOf(id, 10, 82)).toEqual(brokenLines(id, 10, 82));
    expect(linesOf(id, 10, 82)).toHaveLength(2);
    expect(linesOf(id, 10, 82, regular)).toEqual([id]);
    expect(linesOf(id, 10, 60, regular)).toEqual(brokenLines(id, 10, 60));
    expect(linesOf('', 10, 82)).toEqual([]);
  });

  it('breaks lines that fit, keeps the text, starts no line with closing punctuation', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 60, max: 500 }), fc.constantFrom(9.5, 10), (t, width, size) => {
        const lines = brokenLines(t, size, width);
        for (const [i, line] of lines.entries()) {
          expect(widest(line, size)).toBeLessThanOrEqual(width);
          if (i > 0) expect('，。、；：）》').not.toContain(line[0]);
        }
        expect(lines.join('').replace(/\s+/g, '')).toBe(t.replace(/\s+/g, ''));
      }),
    );
  });

  it('fills a line of CJK text to its width', () => {
    const lines = brokenLines('考'.repeat(100), 10, 205);
    expect(lines.map((l) => l.length)).toEqual([20, 20, 20, 20, 20]);
  });
});
