import { join } from 'node:path';
import { INVIGILATOR } from '../fixtures/exam-day-store';
import { pdfText } from '../helpers/pdf';
import { run, workDir } from './candidate-helpers';
import { expect, login, serve, shot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

interface Setup {
  planCode: string;
  examDay: string;
  room: string;
  start: string;
  seats: { seat: number; ticket: string; name: string; qr: string }[];
}

test('exam day: the invigilator prints the room’s sign-in sheet with the totals so far, and it opens as a PDF in a new tab', async ({ page, freshDataDir }) => {
  test.setTimeout(300_000);
  const dir = workDir('exam-docs');
  const setup = JSON.parse(run('test/e2e/exam-day-setup.ts', [freshDataDir, dir])) as Setup;
  const { url, child, errors } = await serve(freshDataDir);
  try {
    await page.goto(url);
    await login(page, INVIGILATOR.username, INVIGILATOR.password);
    await page.getByRole('button', { name: `进入 ${setup.room} ${setup.start} 签到` }).click();
    await expect(page.getByRole('heading', { name: `${setup.room} 签到`, level: 3 })).toBeVisible();

    // One candidate checked in: the sheet printed now carries 实考 1.
    const first = setup.seats[0]!;
    await page.keyboard.type(first.qr, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('考生姓名')).toHaveText(first.name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: '签到统计' })).toContainText('实考人数1');

    const tab = page.context().waitForEvent('page');
    await page.getByRole('button', { name: '打印签到表' }).click();
    const pdf = await tab;
    await expect(page.getByRole('dialog')).toContainText('文档已生成');
    await expect(page.getByRole('dialog')).toContainText(`考场签到表-${setup.planCode}-${setup.examDay}`);
    await pdf.waitForLoadState();
    expect(pdf.url()).toMatch(/^blob:/);
    // The tab holds the PDF itself (Chromium's viewer); the same file, saved from the dialog, is the room's sheet.
    expect(await pdf.evaluate(() => document.contentType)).toBe('application/pdf');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 PDF' }).click();
    const file = join(dir, 'signin.pdf');
    await (await download).saveAs(file);
    const text = pdfText(file).flat;
    expect(text).toContain('考场签到表');
    expect(text).toContain(setup.room);
    for (const s of setup.seats) {
      expect(text).toContain(s.name);
      expect(text).toContain(s.ticket);
    }
    expect(text).toMatch(new RegExp(`应考人数[:：]?${setup.seats.length}实考人数[:：]?1`));
    await pdf.waitForTimeout(4000);
    await shot(pdf, 'exam-docs-01-signin-tab', { window: true });
    await shot(page, 'exam-docs-02-printed', { window: true });

    // Back to the scanner: closing the dialog gives the field the keyboard again.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByLabel('扫描准考证二维码，或输入座位号、身份证号后四位，按回车')).toBeFocused();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  expect(errors).toEqual([]);
});
