import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The CJK font every printed sheet uses: Noto Sans Hans from the npm package @embedpdf/fonts-sc
 * (OFL), never a system font, so every PC prints the same. The package exports only its index,
 * so the fonts are found beside it.
 */
export const PDF_FONT = 'NotoSansHans';

export function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

export function pdfFonts(): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  const dir = fontDir();
  const regular = join(dir, 'NotoSansHans-Regular.otf');
  const bold = join(dir, 'NotoSansHans-Bold.otf');
  // CJK has no italics: an italic style prints upright rather than failing.
  return { [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } };
}
