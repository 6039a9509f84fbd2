import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ScoresPayload } from '../../src-shared/domain/score-kinds';
import { answerPackage, readOutbound } from '../tools/platform/answer-package';
import { openPlatform } from '../tools/platform/platform';
import { run } from './candidate-helpers';
import { expect, login, PRINCIPAL, serve, shot, test } from './fixtures';
import { open, pickOption, workDir } from './page-helpers';

// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

interface Setup {
  planCode: string;
  scoresZip: string;
  keysDir: string;
  scores: ScoresPayload;
}

/** 导入数据包 as a person does it: choose the file, look at the preview, 导入. */
async function importThroughPage(page: Page, file: string, expected: RegExp): Promise<void> {
  await open(page, '导入数据包');
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByText(expected).first()).toBeVisible();
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText(/^数据包已导入/)).toBeVisible();
}

test('科目成绩: the scores package imported through the page, a score flagged 有异议 in the candidate’s drawer, the 成绩异议 package sent, and the corrected score with its history on hover', async ({
  page,
  freshDataDir,
}) => {
  test.setTimeout(480_000);
  const dir = workDir('scores');
  // The store is built before it is served: the plan's exams are over and today is in its 成绩登记.
  const setup = JSON.parse(run('test/e2e/scores-setup.ts', [freshDataDir, dir])) as Setup;
  const basics = setup.scores.scores.find((b) => b.subjectCode === '098694')!;
  const target = basics.entries.find((e) => !e.absent && e.score! < 95)!;
  const { url, child, errors } = await serve(freshDataDir);
  try {
    await page.goto(url);
    await login(page, PRINCIPAL.username, PRINCIPAL.password);
    await expect(page.getByText(/年度工作进度$/)).toBeVisible();

    await importThroughPage(page, setup.scoresZip, /科目成绩/);
    await open(page, '科目成绩');
    await expect(page.getByTestId('score-counts')).toHaveText('90 / 90（缺考 12）');
    await expect(page.getByTestId('score-count')).toHaveText('共 90 条');
    const grid = page.getByRole('grid', { name: '科目成绩' });
    await expect(grid.getByRole('row').nth(1)).toContainText('成绩登记中');
    // ID numbers masked as the 身份证号打印方式 setting says.
    await expect(grid.getByRole('row').nth(1)).toContainText(/\d{6}\*{5}\d{3}[\dX]/);
    await expect(grid.getByText('缺考').first()).toBeVisible();
    await shot(page, 'scores-01-list', { window: true });

    // One subject, one candidate by name: Enter opens the candidate with all their subjects.
    await page.getByRole('combobox', { name: '考试科目' }).click();
    await pickOption(page, '098694 基础考核（30/30）');
    await expect(page.getByTestId('score-count')).toHaveText('筛选出 30 条');
    await page.getByRole('textbox', { name: '搜索考生' }).fill(target.ticketNumber!);
    await expect(page.getByTestId('score-count')).toHaveText('筛选出 1 条');
    await expect(grid.getByRole('row').nth(1)).toContainText(target.score!.toFixed(1));
    await grid.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog').filter({ hasText: `${target.name} 的科目成绩` });
    await expect(drawer).toBeVisible();
    for (const subject of ['098694 基础考核', '609371 实操考核', '794690 综合应用考核']) await expect(drawer.getByRole('row').filter({ hasText: subject })).toHaveCount(1);

    // 有异议 needs its note; then it waits to be sent.
    await drawer.getByRole('button', { name: '基础考核成绩有异议' }).click();
    const confirm = page.getByRole('dialog', { name: /有异议$/ });
    await confirm.getByRole('button', { name: '标记有异议' }).click();
    await expect(page.getByText('请填写异议说明')).toBeVisible();
    await confirm.getByRole('textbox', { name: '异议说明' }).fill('考生反映操作题已全部完成，成绩可能漏登');
    await confirm.getByRole('button', { name: '标记有异议' }).click();
    await expect(page.getByText(/^已标记.*有异议。请生成“成绩异议”数据包报送平台。$/)).toBeVisible();
    const flagged = drawer.getByRole('row').filter({ hasText: '基础考核' });
    await expect(flagged).toContainText('有异议待报送');
    await expect(flagged).toContainText('考生反映操作题已全部完成，成绩可能漏登');
    await shot(page, 'scores-02-drawer-flagged', { window: true });
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(grid.getByRole('row').nth(1)).toContainText('有异议');
    await expect(page.getByTestId('score-counts')).toHaveText('90 / 90（缺考 12，有异议 1，待报送 1）');

    // 报送成绩异议: the export page with the kind chosen, to a folder (the USB stick).
    await page.getByRole('button', { name: '报送成绩异议' }).click();
    await expect(page.getByRole('heading', { name: '生成数据包', level: 3 })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: '成绩异议' })).toBeChecked();
    const usb = workDir('usb');
    await page.getByLabel('保存到文件夹').fill(usb);
    await page.getByRole('button', { name: /生\s*成$/ }).click();
    await expect(page.getByText('数据包已生成')).toBeVisible();
    await expect(page.getByText('成绩异议 1 条')).toBeVisible();
    const outbound = join(
      usb,
      readdirSync(usb).find((f) => f.endsWith('.zip'))!,
    );

    // The organisation looks again and corrects it.
    const reply = join(dir, '科目成绩-更正.zip');
    const answered = await answerPackage(openPlatform({ keysDir: setup.keysDir }), await readOutbound(outbound, 'out.zip'), reply);
    expect(answered.answer.answered).toEqual(['score-disputes']);
    const corrected = (answered.answer.kinds.scores as ScoresPayload).scores[0]!.entries[0]!;
    expect(corrected.idNumber).toBe(target.idNumber);
    await importThroughPage(page, reply, /科目成绩/);

    await open(page, '科目成绩');
    await page.getByRole('textbox', { name: '搜索考生' }).fill(target.ticketNumber!);
    await expect(page.getByTestId('score-count')).toHaveText('筛选出 1 条');
    const row = grid.getByRole('row').nth(1);
    await expect(row).toContainText(corrected.score!.toFixed(1));
    await expect(row).toContainText('已更正');
    await row.getByLabel(/已更正，有修改记录$/).hover();
    const tip = page.getByRole('tooltip');
    await expect(tip).toContainText('成绩修改记录');
    // The value it replaced, when the platform issued it, and when the correction replaced it.
    await expect(tip).toContainText(new RegExp(`原成绩 ${target.score!.toFixed(1)}\\d{4}-\\d{2}-\\d{2} 09:00 发布，\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 更正`));
    await shot(page, 'scores-03-history-tooltip', { window: true });
    await expect(page.getByTestId('score-counts')).toHaveText('90 / 90（缺考 12）');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  expect(errors).toEqual([]);
});
