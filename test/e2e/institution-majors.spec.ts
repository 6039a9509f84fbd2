import { dropDownValues } from '../helpers/xlsx-lists';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { cellText } from './candidate-helpers';
import { completeSetup, expect, login, PRINCIPAL, shot, test } from './fixtures';
import { saveDownload, workDir } from './page-helpers';

/** A majors sheet as an office makes one: a title row, then the header and the rows, codes typed as text. */
async function writeMajors(path: string, rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专业');
  ws.addRow(['烟台职业学院 2026 年开设专业']);
  ws.addRow(['专业代码', '专业名称', '专业层次']);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).numFmt = '@';
  await wb.xlsx.writeFile(path);
}

async function choose(page: Page, path: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(path);
}

test('开设专业 from xlsx: the template, a sheet with a bad level and a code twice, the refused rows, the commit, then a change of level', async ({ page, served }) => {
  const dir = workDir('majors');
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await page.getByRole('menu', { name: '主导航' }).getByRole('link', { name: '院校信息' }).click();
  const majorsCard = page.locator('.ant-card').filter({ has: page.getByText('开设专业', { exact: true }) });
  await majorsCard.getByRole('button', { name: '批量导入' }).click();
  await expect(page.getByRole('heading', { name: '批量导入开设专业', level: 3 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '当前位置' })).toHaveText(/^机构管理\s*\/\s*院校信息\s*\/\s*批量导入开设专业$/);

  // The template: the three columns, the code as text, a drop-down of levels.
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载模板' }).click();
  const template = await saveDownload(templateDownload, dir);
  expect(template.name).toBe('开设专业导入模板.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template.path);
  const sheet = book.getWorksheet('开设专业')!;
  expect(await cellText(sheet, 1)).toEqual(['*专业代码', '*专业名称', '*专业层次']);
  expect(sheet.getCell('A2').numFmt).toBe('@');
  expect(dropDownValues(book, sheet, 'C2')).toEqual(['中职', '高职专科', '职业本科', '本科']);
  await shot(page, '50-majors-import-choose');

  // A sheet with a level that is none and a code twice: both refused by row and column, the rest shown as new.
  const first = join(dir, '2026年开设专业.xlsx');
  await writeMajors(first, [
    ['530802', '物流管理', '高职专科'],
    ['510201', '计算机应用技术', '高职专科'],
    ['080901', '计算机科学与技术', '本科'],
    ['540101', '旅游管理', '研究生'],
    ['530802', '现代物流管理', '高职专科'],
  ]);
  await choose(page, first);
  const counts = page.getByRole('group', { name: '检查结果' });
  await expect(counts).toContainText('新增3行');
  await expect(counts).toContainText('退回2行');
  await expect(page.getByText('表头第 2 行')).toBeVisible();
  const errors = page.getByRole('region', { name: '错误' });
  await expect(errors.getByRole('row').filter({ hasText: '第 6 行' })).toContainText('专业层次应为 中职、高职专科、职业本科、本科 之一（填写的是“研究生”）');
  await expect(errors.getByRole('row').filter({ hasText: '第 7 行' })).toContainText('专业代码 530802 与第 3 行重复');
  await expect(page.getByText('将新增 3 个专业，在一个事务中写入；退回的 2 行不会写入。')).toBeVisible();
  await shot(page, '51-majors-import-preview-errors');

  const refusedDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载退回的行' }).click();
  const refused = await saveDownload(refusedDownload, dir);
  const refusedBook = new ExcelJS.Workbook();
  await refusedBook.xlsx.readFile(refused.path);
  const refusedSheet = refusedBook.worksheets[0]!;
  expect(await cellText(refusedSheet, 1)).toEqual(['原行号', '专业代码', '专业名称', '专业层次', '错误原因']);
  expect((await cellText(refusedSheet, 2)).slice(0, 4)).toEqual(['6', '540101', '旅游管理', '研究生']);
  expect(refusedSheet.rowCount).toBe(3);

  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText('已写入 3 个专业（新增 3 个）')).toBeVisible();
  await expect(page.getByText('退回的 2 行没有写入；改正后可以再导入。')).toBeVisible();
  await shot(page, '52-majors-import-done');

  // A second sheet changes a level: shown as old → new before anything is written.
  await page.getByRole('button', { name: '再导入一个表格' }).click();
  const second = join(dir, '专业层次调整.xlsx');
  await writeMajors(second, [
    ['510201', '计算机应用技术', '职业本科'],
    ['080901', '计算机科学与技术', '本科'],
  ]);
  await choose(page, second);
  await expect(counts).toContainText('修改1行');
  await expect(counts).toContainText('未变1行');
  const changes = page.getByRole('region', { name: '将修改的专业' });
  await expect(changes.getByRole('row').filter({ hasText: '510201' })).toContainText('专业层次高职专科职业本科');
  await shot(page, '53-majors-import-preview-change');
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText('已写入 1 个专业（修改 1 个）')).toBeVisible();

  await page.getByRole('button', { name: '查看开设专业' }).click();
  await expect(page.getByRole('heading', { name: '院校信息', level: 3 })).toBeVisible();
  const table = majorsCard.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: '080901' })).toContainText('计算机科学与技术本科');
  await expect(table.getByRole('row').filter({ hasText: '510201' })).toContainText('计算机应用技术职业本科');
  await expect(table.getByRole('row').filter({ hasText: '530802' })).toContainText('物流管理高职专科');
  await expect(table.getByRole('row').filter({ hasText: '540101' })).toHaveCount(0);
  await shot(page, '54-institution-majors-imported');
});
