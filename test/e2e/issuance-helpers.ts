import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS } from './fixtures';

/** Draws a signature across the pad with the mouse, as a person would: two strokes. */
export async function sign(page: Page): Promise<void> {
  const pad = page.getByLabel('手写签名板');
  // Measured once the dialog's opening animation is over (a trial click waits for a stable box), else the strokes land off the pen.
  await pad.click({ trial: true });
  const box = (await pad.boundingBox())!;
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const stroke of [
    [
      [0.1, 0.7],
      [0.2, 0.3],
      [0.3, 0.65],
      [0.42, 0.35],
      [0.55, 0.6],
    ],
    [
      [0.6, 0.5],
      [0.72, 0.3],
      [0.8, 0.62],
      [0.9, 0.4],
    ],
  ]) {
    await page.mouse.move(...at(stroke[0]![0]!, stroke[0]![1]!));
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(...at(x!, y!), { steps: 8 });
    await page.mouse.up();
  }
}

/**
 * The PDF opened in a new tab (Chromium's viewer holds it), then the same file saved from the
 * dialog's 下载 PDF, and its first page rendered to PNG for looking at.
 */
export async function checkPdf(page: Page, tab: Page, path: string, png: string): Promise<void> {
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(/^blob:/);
  expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
  await tab.close();
  const download = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: '下载 PDF' }).click();
  await (await download).saveAs(path);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', path, join(SCREENSHOTS, png)]);
}
