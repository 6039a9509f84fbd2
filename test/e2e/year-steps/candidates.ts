import { join } from 'node:path';
import { personRow, SCHOOL_HEADERS, writeXlsx } from '../../fixtures/candidate-sheets';
import { photo, zipWithGbkNames } from '../../fixtures/photo-fixtures';
import { expect, shot } from '../fixtures';
import { expectBoard } from './year-board';
import { roundTrip, type YearRun } from './year-run';
import { open } from '../page-helpers';

/** 考生: the school's sheet and a ZIP of photos imported, sent to the platform, every real-name check passed. */
export async function candidates(run: YearRun): Promise<void> {
  const { page, people } = run;
  const n = people.length;
  const sheet = join(run.dir, '2026级考生名单.xlsx');
  await writeXlsx(sheet, [SCHOOL_HEADERS, ...people.map(personRow)], { title: '烟台职业学院 1+X Python 考生名单' });
  await open(page, '批量导入');
  await page.locator('input[type="file"]').setInputFiles(sheet);
  await expect(page.getByRole('group', { name: '检查结果' })).toContainText(`新增${n}行`);
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText(`已写入 ${n} 名考生（新增 ${n} 名）`)).toBeVisible();

  const zip = join(run.dir, '考生照片.zip');
  await zipWithGbkNames(zip, await Promise.all(people.map(async (p) => ({ name: `照片/${p.idNumber}.jpg`, data: await photo(p.idNumber) }))));
  await open(page, '导入照片');
  await page.locator('input[type="file"]').setInputFiles(zip);
  await page.getByRole('button', { name: /^检\s*查$/ }).click();
  await expect(page.getByRole('group', { name: '检查结果' })).toContainText(`接受${n}张`);
  await page
    .getByRole('button', { name: /导入照片$/ })
    .last()
    .click();
  await expect(page.getByText(`已导入 ${n} 张照片`)).toBeVisible();
  // Photos in, the real-name check still to come.
  await expectBoard(page, { 考生管理: '进行中' }, { says: { 考生管理: `考生 ${n} 人，信息不完整 ${n} 人` } });

  await roundTrip(run, ['考生信息'], '考生信息', ['包括信息不完整的考生']);
  await open(page, '信息完整性');
  await expect(page.getByRole('group', { name: '考生概况' })).toContainText(`考生总数${n}名`);
  await shot(page, 'year-08-candidates-complete');
  await expectBoard(page, { 考生管理: '已完成' }, { says: { 考生管理: `考生 ${n} 人，信息不完整 0 人` } });
}
