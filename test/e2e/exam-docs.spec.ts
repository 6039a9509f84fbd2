import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { INVIGILATOR } from '../fixtures/exam-day-store';
import { pdfImageCount, pdfInfo, pdfText } from '../helpers/pdf';
import { run } from './candidate-helpers';
import { expect, login, PRINCIPAL, serve, shot, test } from './fixtures';
import { open, workDir } from './page-helpers';

test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

interface Setup {
  planCode: string;
  examDay: string;
  room: string;
  start: string;
  seats: { seat: number; ticket: string; name: string; qr: string }[];
  day: { room: string; start: string; expected: number }[];
}

/** Resolves once the page's check-in outcome holds `text`, looked for at every frame (not at an assertion's polling steps, which would blur the timing). */
async function outcomeShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('[role="status"]')?.textContent?.includes(t) ?? false, text, { polling: 'raf', timeout: 20_000 });
}

async function nameShown(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('[aria-label="考生姓名"]')?.textContent === n, name, { polling: 'raf', timeout: 20_000 });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The PDF a click opens in a new tab, saved from the dialog's 下载 PDF; the dialog's summary checked on the way. */
async function printed(page: Page, click: () => Promise<void>, file: string, summary: string): Promise<Page> {
  const tab = page.context().waitForEvent('page');
  await click();
  const pdf = await tab;
  await expect(page.getByRole('dialog')).toContainText('文档已生成');
  await expect(page.getByRole('dialog')).toContainText(summary);
  await pdf.waitForLoadState();
  expect(pdf.url()).toMatch(/^blob:/);
  // The tab holds the PDF itself (Chromium's viewer); the same file, saved from the dialog, is what was printed.
  expect(await pdf.evaluate(() => document.contentType)).toBe('application/pdf');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 PDF' }).click();
  await (await download).saveAs(file);
  return pdf;
}

test('exam day: the invigilator checks a room of 30 in by scanning within the budget, prints its sign-in sheet with photos and the totals; the coordinator prints the whole day’s door signs', async ({
  page,
  freshDataDir,
}) => {
  test.setTimeout(360_000);
  const dir = workDir('exam-docs');
  const setup = JSON.parse(run('test/e2e/exam-day-setup.ts', [freshDataDir, dir])) as Setup;
  expect(setup.seats).toHaveLength(30);
  const { url, child, errors } = await serve(freshDataDir);
  try {
    await page.goto(url);
    await login(page, INVIGILATOR.username, INVIGILATOR.password);
    await page.getByRole('button', { name: `进入 ${setup.room} ${setup.start} 签到` }).click();
    await expect(page.getByRole('heading', { name: `${setup.room} 签到`, level: 3 })).toBeVisible();
    const field = page.getByLabel('扫描准考证二维码，或输入座位号、身份证号后四位，按回车');
    await expect(field).toBeFocused();

    // The room of 30 as a USB scanner checks it in: the QR text at 5 ms a key and Enter, the
    // candidate's photo and name for the face check, the confirm key. Scan to confirmed runs from
    // the scan's Enter (a scanner sends its 30-odd keys in ~50 ms; the test's keyboard is slower,
    // timed apart) to 已到 on the screen; the room from the first key to the last 已到.
    const typing: number[] = [];
    const lookup: number[] = [];
    const confirm: number[] = [];
    const scanToConfirmed: number[] = [];
    const roomStart = performance.now();
    for (const s of setup.seats) {
      const scanned = performance.now();
      await page.keyboard.type(s.qr, { delay: 5 });
      await page.keyboard.press('Enter');
      const entered = performance.now();
      await nameShown(page, s.name);
      const shown = performance.now();
      await page.keyboard.press('Enter');
      await outcomeShows(page, `${s.name}（${s.seat} 号座位）：已到`);
      const confirmed = performance.now();
      typing.push(entered - scanned);
      lookup.push(shown - entered);
      confirm.push(confirmed - shown);
      scanToConfirmed.push(confirmed - entered);
    }
    const room = performance.now() - roomStart;
    const stat = (xs: number[]) => `median ${Math.round(median(xs))} ms, slowest ${Math.round(Math.max(...xs))} ms`;
    const report = [
      `check-in of a room of ${setup.seats.length}: ${(room / 1000).toFixed(1)} s in all (budget 90 s)`,
      `scan to confirmed on screen: ${stat(scanToConfirmed)} (target < 2 s)`,
      `  the candidate's photo and name after the scan: ${stat(lookup)}; 已到 after the confirm key: ${stat(confirm)}`,
      `  the test typing each QR text at 5 ms a key: ${stat(typing)}`,
      `  each (ms): ${scanToConfirmed.map((x) => Math.round(x)).join(' ')}`,
    ].join('\n');
    console.log(report);
    test.info().annotations.push({ type: 'check-in timing', description: report });
    expect(room).toBeLessThan(90_000);
    // One slow scan on a loaded machine is noise; the typical one is the target.
    expect(median(scanToConfirmed)).toBeLessThan(2_000);
    const totals = page.getByRole('group', { name: '签到统计' });
    await expect(totals).toContainText(`实考人数${setup.seats.length}`);
    await expect(totals).toContainText('未签到0');

    // The sheet regenerated with the totals, and this time with the candidates' photos.
    await page.getByRole('button', { name: '打印签到表' }).click();
    const dialog = page.getByRole('dialog', { name: /^打印签到表/ });
    await expect(dialog.getByRole('button', { name: '生成签到表' })).toBeFocused();
    await dialog.getByRole('checkbox', { name: '含照片' }).check();
    await shot(page, 'exam-docs-01-signin-options', { window: true });
    const file = join(dir, 'signin.pdf');
    const pdf = await printed(page, () => dialog.getByRole('button', { name: '生成签到表' }).click(), file, `考场签到表-${setup.planCode}-${setup.examDay}`);
    const text = pdfText(file).flat;
    expect(text).toContain('考场签到表');
    expect(text).toContain(setup.room);
    for (const s of setup.seats) {
      expect(text).toContain(s.name);
      expect(text).toContain(s.ticket);
    }
    expect(text).toMatch(new RegExp(`应考人数[:：]?${setup.seats.length}实考人数[:：]?${setup.seats.length}缺考人数[:：]?0`));
    expect(text).toContain('照片');
    // Every candidate's own photo, each embedded once.
    expect(pdfImageCount(file)).toBe(setup.seats.length);
    await pdf.waitForTimeout(4000);
    await shot(pdf, 'exam-docs-02-signin-tab', { window: true });
    await shot(page, 'exam-docs-03-printed', { window: true });
    await pdf.close();

    // Back to the scanner: closing the dialog gives the field the keyboard again.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(field).toBeFocused();

    // The coordinator, the day before or on the day: every room's door sign of the day at once, from 考点编排.
    await page.getByRole('button', { name: '账号菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await login(page, PRINCIPAL.username, PRINCIPAL.password);
    await open(page, '排考查看');
    const day = page.getByRole('table', { name: '考点编排' }).getByRole('row').filter({ hasText: setup.examDay }).first();
    await expect(day.getByRole('button', { name: `打印门贴 ${setup.examDay} 全天` })).toBeVisible();
    await shot(page, 'exam-docs-04-overview-print', { window: true });
    const doors = join(dir, 'door.pdf');
    const doorTab = await printed(page, () => day.getByRole('button', { name: `打印门贴 ${setup.examDay} 全天` }).click(), doors, `考场门贴-${setup.planCode}-${setup.examDay}`);
    await expect(page.getByRole('dialog')).toContainText(`${setup.day.length} 个考场场次`);
    await doorTab.close();
    expect(pdfInfo(doors).pages).toBe(setup.day.length);
    for (const [i, r] of setup.day.entries()) {
      const page1 = pdfText(doors, { first: i + 1, last: i + 1 }).flat;
      expect(page1).toContain(r.room);
      expect(page1).toContain(`${setup.examDay}${r.start}`);
      expect(page1).toContain(`考生人数：${r.expected}人`);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  expect(errors).toEqual([]);
});
