import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { storePath } from '../../src-main/core/paths';
import { Store } from '../../src-main/store/store';
import { seedStatsScores, STATS_PLAN_NAME } from '../fixtures/stats-scores';
import { pagePng, pdfText } from '../helpers/pdf';
import { expect, shot, test } from './fixtures';
import { startWithCatalog } from './package-helpers';
import { open, saveDownload } from './page-helpers';

// A lab PC's screen.
test.use({ viewport: { width: 1366, height: 768 }, actionTimeout: 20_000 });

/** Escape, and wait out the popover's closing animation: while it plays, the next popover opened is a second visible one. */
async function closePopover(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-popover:visible')).toHaveCount(0);
}

/** The scores of stats-fixtures.ts, written into the served app's store (the scores workflow is built elsewhere). */
function seed(dataDir: string): string {
  const store = new Store(storePath(dataDir));
  try {
    return seedStatsScores(store).plan;
  } finally {
    store.close();
  }
}

test('统计分析: pass rates by each dimension with the counts behind every rate, the histograms with the pass mark, exported as xlsx and as the PDF report', async ({
  page,
  served,
}) => {
  test.setTimeout(420_000);
  const { dir } = await startWithCatalog(page, served.url, 'stats');
  const plan = seed(served.dataDir);

  // 1. The plan with scores is shown first; the total rate, clicked, says what it is made of.
  await open(page, '统计分析');
  await expect(page.getByRole('combobox', { name: '考试计划' })).toBeVisible();
  await expect(page.getByText(`${STATS_PLAN_NAME}（${plan}）· 已结束 · 已出成绩 23/27 科次`)).toBeVisible();
  await page.getByRole('button', { name: '考证通过率的通过率 57.1%，点击查看人数' }).click();
  const popover = page.locator('.ant-popover:visible');
  await expect(popover).toContainText('通过 4 / 应考 7（缺考 1，成绩未齐 2）');
  await expect(popover).toContainText('通过率 = 通过 4 ÷ 应考 7 = 57.1%');
  await shot(page, 'stats-01-summary-rate', { window: true });
  await closePopover(page);

  // 2. 按证书等级: the chart drawn, the table beneath; a rate and a bar each trace to their counts.
  const rates = page.getByRole('img', { name: '按证书等级的通过率图' });
  await expect(rates.locator('svg')).toBeVisible();
  await expect(rates).toContainText('40.0%  2/5');
  const table = page.getByRole('table', { name: '按证书等级的通过率' });
  await expect(table.getByRole('row').filter({ hasText: '物流管理（中级）' })).toContainText('100.0%');
  await table.getByRole('button', { name: '物流管理（初级）的通过率 40.0%，点击查看人数' }).click();
  await expect(page.locator('.ant-popover:visible')).toContainText('通过 2 / 应考 5（缺考 1，成绩未齐 1）');
  await closePopover(page);
  await rates.locator('path[fill="#4e79d6"]').first().click();
  await expect(page.getByRole('alert').filter({ hasText: '物流管理（初级）：通过率 40.0%' })).toContainText('通过 2 / 应考 5（缺考 1，成绩未齐 1）');
  await page.getByRole('heading', { name: '统计分析', level: 3 }).scrollIntoViewIfNeeded();
  await shot(page, 'stats-02-certificate-level', { window: true });

  // 3. 按专业 and 按科目: the social candidate without a major last; a subject at its pass mark counts as passed.
  await page.getByRole('tab', { name: '按专业' }).click();
  const majors = page.getByRole('table', { name: '按专业的通过率' });
  await expect(majors.getByRole('row')).toHaveCount(4);
  await expect(majors.getByRole('row').nth(3)).toContainText('（无专业）');
  await expect(majors.getByRole('row').filter({ hasText: '物流管理' })).toContainText('75.0%');
  await page.getByRole('tab', { name: '按科目' }).click();
  const subjects = page.getByRole('table', { name: '按科目的通过率' });
  await expect(subjects.getByRole('row').filter({ hasText: '基础考核（098694）' })).toContainText('物流管理（初级）');
  await subjects.getByRole('button', { name: '基础考核（098694）的通过率 50.0%，点击查看人数' }).click();
  await expect(page.locator('.ant-popover:visible')).toContainText('通过 3 / 应考 6（缺考 2）');
  await closePopover(page);
  await shot(page, 'stats-03-subjects', { window: true });

  // 4. 成绩分布: a histogram per subject with the pass mark drawn; bins of 5 on asking.
  const basic = page.getByRole('region', { name: '基础考核（098694）成绩分布' });
  await basic.scrollIntoViewIfNeeded();
  const histogram = basic.getByRole('img', { name: '基础考核（098694）成绩分布图（每 10 分一段），合格线 60 分' });
  await expect(histogram.locator('svg')).toContainText('合格线 60');
  await expect(basic).toContainText('合格分数 60 · 实考 4 人 · 通过 3 人 · 缺考 2 人 · 平均分 75.0');
  await shot(page, 'stats-04-histograms', { window: true });
  await page.getByText('每 5 分一段').click();
  await expect(basic.getByRole('img', { name: '基础考核（098694）成绩分布图（每 5 分一段），合格线 60 分' }).locator('svg')).toContainText('合格线 60');
  await shot(page, 'stats-05-whole-page-bins-of-5');

  // 5. Exports of what the page shows (bins of 5): the xlsx read back, the PDF report's text and its first page.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const xlsxDialog = page.getByRole('dialog').filter({ hasText: '导出成绩统计表' });
  const downloadingXlsx = page.waitForEvent('download');
  await xlsxDialog.getByRole('button', { name: '下载表格' }).click();
  const xlsx = await saveDownload(downloadingXlsx, dir);
  expect(xlsx.name).toBe(`成绩统计-${plan}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx.path);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['按考试计划', '按证书', '按证书等级', '按等级', '按专业', '按入学年份', '按科目', '成绩分布']);
  expect((wb.getWorksheet('按证书等级')!.getRow(2).values as unknown[]).slice(1)).toEqual(['物流管理（初级）', 'ZS2019003', 6, 5, 2, 1, 1, 40]);
  // The bins the page shows: 20 of 5 points for each of the 6 subjects.
  expect(wb.getWorksheet('成绩分布')!.rowCount).toBe(1 + 6 * 20);
  await page.keyboard.press('Escape');
  await expect(xlsxDialog).toBeHidden();

  await page.getByRole('button', { name: '打印统计报告' }).click();
  const pdfDialog = page.getByRole('dialog').filter({ hasText: '生成成绩统计报告（PDF）' });
  await expect(pdfDialog.getByText(`已生成 成绩统计-${plan}.pdf`)).toBeVisible();
  await shot(page, 'stats-06-report-ready', { window: true });
  const downloadingPdf = page.waitForEvent('download');
  await pdfDialog.getByRole('button', { name: '下载 PDF' }).click();
  const pdf = await saveDownload(downloadingPdf, dir);
  expect(pdf.name).toBe(`成绩统计-${plan}.pdf`);
  const { flat } = pdfText(pdf.path);
  expect(flat).toContain(`成绩统计报告${STATS_PLAN_NAME}（${plan}）`);
  expect(flat).toContain('物流管理（初级）6521140.0%');
  expect(flat).toContain('各科目成绩分布（每5分一段）');
  pagePng(pdf.path, 'stats-07-report-page1', { dpi: 80 });
});
