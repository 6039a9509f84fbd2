import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { FakePerson } from '../../src-main/core/demo/fake-people';
import { checkDigit } from '../../src-shared/domain/id-number';
import { personRow, writeXlsx } from '../fixtures/candidate-sheets';
import { BUNDLED_CLI } from '../helpers/served-app';
import { expect } from './fixtures';
import { open } from './page-helpers';

// What candidates.spec.ts needs besides the shared fixtures: spreadsheets, the simulator, timings.

const ROOT = join(import.meta.dirname, '../..');

/** Runs a script of the sources through tsx (the simulator, a setup); its output. */
export function run(script: string, args: string[], env: Record<string, string> = {}): string {
  return spawnOk(`${script} ${args[0]}`, ['--import', 'tsx', join(ROOT, script), ...args], env);
}

/** Runs the bundled command line, as the app is served (the run's global setup built it); its output. */
export function runCli(args: string[], env: Record<string, string> = {}): string {
  return spawnOk(`cli ${args[0]}`, [BUNDLED_CLI, ...args], env);
}

function spawnOk(what: string, argv: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export async function cellText(ws: ExcelJS.Worksheet, row: number): Promise<string[]> {
  const values = ws.getRow(row).values as unknown[];
  return values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
}

/**
 * A school's spreadsheet as it arrives: a title row above the header, headers in other words
 * and with spaces, and six rows each broken in its own way.
 */
export async function writeMessySheet(path: string, people: FakePerson[]): Promise<Map<number, { column: string; message: string; fix: (row: Record<string, unknown>) => void }>> {
  const rows = people.map(personRow);
  const broken = new Map<number, { column: string; message: string; fix: (row: Record<string, unknown>) => void }>();
  // Excel row number = index + 3 (title row, header row).
  const wrongDigit = people[2]!.idNumber[17] === '1' ? '2' : '1';
  rows[2]![2] = people[2]!.idNumber.slice(0, 17) + wrongDigit;
  broken.set(5, {
    column: '身份证号',
    message: `身份证号校验位不正确（最后一位应为 ${checkDigit(people[2]!.idNumber.slice(0, 17))}），请核对是否有数字输错`,
    fix: (r) => (r['身份证号码'] = people[2]!.idNumber),
  });
  rows[5]![3] = '1380000';
  broken.set(8, { column: '手机号', message: '手机号“1380000”不是 11 位中国大陆手机号', fix: (r) => (r['手机'] = people[5]!.phone) });
  rows[8]![2] = 3.70285e17;
  broken.set(11, {
    column: '身份证号',
    message: '身份证号被 Excel 当成了数字（370285000000000000），后几位已经丢失。请把该列设为“文本”格式后重新填写身份证号',
    fix: (r) => (r['身份证号码'] = people[8]!.idNumber),
  });
  rows[11]![0] = '';
  broken.set(14, { column: '姓名', message: '姓名不能为空', fix: (r) => (r[' 姓 名 '] = people[11]!.name) });
  rows[14]![2] = rows[13]![2]!;
  broken.set(17, { column: '身份证号', message: '身份证号与第 16 行重复', fix: (r) => (r['身份证号码'] = people[14]!.idNumber) });
  rows[17]![6] = 1999;
  broken.set(20, { column: '入学年份', message: '入学年份“1999”应为 2000–', fix: (r) => (r['入学年份'] = people[17]!.entryYear) });
  // Harmless mess the import normalises: lowercase x, full-width digits in a phone, spaces.
  const withX = people.findIndex((p) => p.idNumber.endsWith('X'));
  if (withX >= 0 && !broken.has(withX + 3)) rows[withX]![2] = people[withX]!.idNumber.toLowerCase();
  rows[24]![3] = people[24]!.phone.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  rows[25]![0] = ` ${people[25]!.name} `;
  await writeXlsx(path, [[' 姓 名 ', '姓名拼音', '身份证号码', '手机', '专业', '层次', '入学年份'], ...rows], { title: '烟台职业学院 2026 级 1+X 考生名单' });
  return broken;
}

/** The refused-rows workbook, corrected as a person would in Excel. */
export async function fixRefused(from: string, to: string, broken: Awaited<ReturnType<typeof writeMessySheet>>): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.worksheets[0]!;
  const headers = await cellText(ws, 1);
  let fixed = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const original = Number(row.getCell(1).value);
    const fault = broken.get(original);
    if (!fault) continue;
    const record: Record<string, unknown> = Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value]));
    fault.fix(record);
    headers.forEach((h, i) => (row.getCell(i + 1).value = (record[h] ?? null) as ExcelJS.CellValue));
    fixed++;
  }
  await wb.xlsx.writeFile(to);
  return fixed;
}

export async function trustPlatformKey(page: Page, pem: string): Promise<void> {
  await open(page, '设置');
  await page.getByRole('tab', { name: '数据交换' }).click();
  await page.getByRole('button', { name: '添加平台公钥' }).click();
  await page.getByRole('textbox', { name: '平台公钥 1' }).fill(pem);
  await page.getByRole('button', { name: /保\s*存$/ }).click();
  await expect(page.getByText('数据交换设置已保存')).toBeVisible();
}

export async function generatePackage(page: Page, folder: string, includeIncomplete: boolean): Promise<string> {
  await open(page, '生成数据包');
  const form = page.locator('form');
  for (const box of await form.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
  await form.getByRole('checkbox', { name: '考生信息' }).check();
  const include = page.getByRole('checkbox', { name: '包括信息不完整的考生' });
  await expect(include).toBeVisible();
  if (includeIncomplete) await include.check();
  await page.getByLabel('保存到文件夹').fill(folder);
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('数据包已生成')).toBeVisible();
  const zips = readdirSync(folder).filter((f) => f.endsWith('.zip'));
  return join(folder, zips.sort().at(-1)!);
}
