import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { maskIdNumber } from '../../src-shared/domain/id-number';
import { personRow, SCHOOL_HEADERS, writeXlsx } from '../fixtures/candidate-sheets';
import { INIT_ARGS } from '../helpers/cli';
import { run, runCli } from './candidate-helpers';
import { expect, login, PRINCIPAL, serve, shot, test } from './fixtures';
import { open, pickOption, saveDownload, workDir } from './page-helpers';

/** An ID number in full: never on the audit page, never in its export. */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

test('audit log: the principal finds a candidate, reads a change field by field and an import with its rows, and exports the view', async ({ page, freshDataDir }) => {
  test.setTimeout(420_000);
  const dir = workDir('audit');
  const people = fakePeople(12, 23);
  // One of the first list whose name no other of these people shares, in part or whole.
  const target = people.slice(2, 10).find((p) => people.filter((o) => o.name.includes(p.name) || p.name.includes(o.name)).length === 1)!;

  // A site's first weeks, from the command line: the catalog, two candidate lists, the real-name answer.
  const cli = (...args: string[]) => runCli([...args, '--data-dir', freshDataDir]);
  runCli(['init', '--data-dir', freshDataDir, ...INIT_ARGS, '--username', PRINCIPAL.username, '--display-name', PRINCIPAL.name], {
    EXAMSITE_PASSWORD: PRINCIPAL.password,
  });
  const keys = join(dir, 'keys');
  const catalog = join(dir, '目录数据包.zip');
  run('test/tools/platform/cli.ts', ['catalog', '--institution', '4137014320', '--out', catalog, '--keys', keys]);
  cli('platform-key', 'add', join(keys, 'platform-public.pem'));
  cli('package', 'import', catalog);
  await writeXlsx(join(dir, '2026级第一批.xlsx'), [SCHOOL_HEADERS, ...people.slice(0, 10).map(personRow)]);
  cli('candidates', 'import', join(dir, '2026级第一批.xlsx'), '--commit');
  await writeXlsx(join(dir, '2026级第二批.xlsx'), [SCHOOL_HEADERS, personRow({ ...target, major: '软件技术' }), ...people.slice(10).map(personRow)]);
  cli('candidates', 'import', join(dir, '2026级第二批.xlsx'), '--commit');
  const outbound = join(dir, '考生信息.zip');
  cli('package', 'export', '--kinds', 'candidates', '--include-incomplete', '--out', outbound);
  const answer = join(dir, '实名认证结果.zip');
  run('test/tools/platform/cli.ts', ['answer', outbound, '--out', answer, '--keys', keys]);
  cli('package', 'import', answer);

  const { url, child, errors } = await serve(freshDataDir);
  try {
    await page.goto(url);
    await login(page, PRINCIPAL.username, PRINCIPAL.password);

    // One change by hand: the target's phone, in the candidate form.
    await open(page, '考生名单');
    await page.getByRole('textbox', { name: '搜索考生' }).fill(target.idNumber);
    await expect(page.getByTestId('candidate-count')).toHaveText('筛选出 1 名');
    await page.getByRole('grid', { name: '院校考生名单' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog').filter({ hasText: `编辑考生：${target.name}` });
    await drawer.getByLabel('手机号').fill('13905350000');
    await drawer.getByRole('button', { name: /保\s*存$/ }).click();
    const saved = page.getByText(`已保存 ${target.name} 的信息`);
    await expect(saved).toBeVisible();
    // Let the notice fade, so it does not cover the audit page's screenshots.
    await expect(saved).toBeHidden();

    await open(page, '审计日志');
    const table = page.locator('.ant-table').first();
    await expect(table.getByRole('cell', { name: '修改考生' })).toBeVisible();
    await expect(table.getByRole('cell', { name: '导入考生' })).toHaveCount(2);
    await expect(table.getByRole('cell', { name: '第 2 号数据包：实名认证结果' })).toBeVisible();
    await expect(table.getByRole('cell', { name: '命令行' }).first()).toBeVisible();
    await shot(page, 'audit-01-list');

    // By the candidate's name: the hand edit, both imports and the package that hold them.
    await page.getByRole('textbox', { name: '搜索考生或账号' }).fill(target.name);
    await expect(page.getByText('共 4 条')).toBeVisible();
    const person = `${target.name}（${maskIdNumber(target.idNumber)}）`;
    const edit = table.getByRole('row').filter({ hasText: '修改考生' });
    await expect(edit).toContainText(person);
    await expect(edit).toContainText(`手机号：${target.phone} → 13905350000`);
    await edit.getByRole('button', { name: '展开行' }).click();
    const fields = page.getByRole('table', { name: '修改内容' }).first();
    await expect(fields.getByRole('columnheader', { name: '修改前' })).toBeVisible();
    await expect(fields.getByRole('row').filter({ hasText: '手机号' })).toContainText(target.phone);
    await expect(fields.getByRole('row').filter({ hasText: '手机号' })).toContainText('13905350000');
    await shot(page, 'audit-02-entry-fields');
    await edit.getByRole('button', { name: '关闭行' }).click();

    // The second list's entry: the target's row alone while searching, its change inside.
    const second = table.getByRole('row').filter({ hasText: '2026级第二批.xlsx' });
    await second.getByRole('button', { name: '展开行' }).click();
    const rows = page.getByRole('region', { name: '导入明细' });
    await expect(rows).toContainText(`与“${target.name}”有关的 1 项（共 3 项）`);
    const row = rows.getByRole('row').filter({ hasText: person });
    await expect(row).toContainText('修改');
    await expect(row).toContainText('专业');
    await expect(row).toContainText('软件技术');
    await shot(page, 'audit-03-import-rows');
    await rows.getByRole('button', { name: '显示全部' }).click();
    await expect(rows).toContainText('共 3 项');
    await expect(rows.getByRole('row').filter({ hasText: '新增' })).toHaveCount(2);

    // The catalog package: its entities inside, a page at a time.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('combobox', { name: '操作', exact: true }).click();
    await pickOption(page, '导入数据包');
    await expect(page.getByText('共 2 条')).toBeVisible();
    const pkg = table.getByRole('row').filter({ hasText: '第 1 号数据包' });
    await expect(pkg).toContainText('证书目录');
    await pkg.getByRole('button', { name: '展开行' }).click();
    const pkgRows = page.getByRole('region', { name: '导入明细' });
    await expect(pkgRows).toContainText('共 64 项');
    await expect(pkgRows.getByRole('row').filter({ hasText: '培训评价组织' }).first()).toContainText('新增');
    await shot(page, 'audit-04-package-import');
    // The exam plans come last, on the last page.
    await pkgRows.getByTitle('7', { exact: true }).click();
    await expect(pkgRows.getByRole('row').filter({ hasText: '考试计划' }).first()).toContainText('计划名称');

    // The view exported: what the page shows, masked, as a sheet.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('textbox', { name: '搜索考生或账号' }).fill(target.name);
    await expect(page.getByText('共 4 条')).toBeVisible();
    expect(await page.locator('main').innerText()).not.toMatch(FULL_ID);
    await page.getByRole('button', { name: '导出' }).click();
    const done = page.getByRole('dialog', { name: '导出审计日志' });
    await expect(done.getByText('已导出 4 条记录')).toBeVisible();
    await shot(page, 'audit-05-export');
    const download = page.waitForEvent('download');
    await done.getByRole('button', { name: '下载表格' }).click();
    const file = await saveDownload(download, dir);
    expect(file.name).toMatch(/^审计日志-4条\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const values = (name: string) => (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map(String));
    const [header, ...entries] = values('审计日志');
    expect(header).toEqual(['时间', '操作人', '操作', '对象', '修改内容']);
    expect(entries.map((e) => e[2])).toEqual(['修改考生', '导入数据包', '导入考生', '导入考生']);
    expect(entries[0]).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      `${PRINCIPAL.name}（${PRINCIPAL.username}）`,
      '修改考生',
      person,
      `手机号：${target.phone} → 13905350000`,
    ]);
    expect(
      values('导入明细')
        .slice(1)
        .map((r) => r[3]),
    ).toEqual([`实名认证 ${person}`, `考生 ${person}`, `考生 ${person}`]);
    expect(JSON.stringify([values('审计日志'), values('导入明细')])).not.toMatch(FULL_ID);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  expect(errors).toEqual([]);
});
