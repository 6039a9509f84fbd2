import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { completeSetup, expect, login, PRINCIPAL, shot, test } from './fixtures';
import { chooseForImport, INSTITUTION, issueCatalog, ROOT, saveExchangeSettings, trustPlatformKey } from './package-helpers';
import { nav, open, pickOption, workDir } from './page-helpers';

test('catalog package: trust the key, preview, import, the manual’s plan, import again, export to a folder', async ({ page, served }) => {
  const dir = workDir('platform');
  const catalogZip = join(dir, '目录数据包.zip');
  const publicKey = issueCatalog(dir, catalogZip);

  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);

  // Before anything arrives, the catalog pages say where the data comes from.
  await open(page, '考试计划');
  await expect(page.getByText('还没有考试计划。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导入数据包' })).toBeVisible();
  await shot(page, '20-plans-empty');

  await trustPlatformKey(page, publicKey);
  await shot(page, '21-settings-exchange');
  await saveExchangeSettings(page);

  await chooseForImport(page, catalogZip);
  await expect(page.getByText(/已验证签名（密钥 [0-9a-f]{16}）/)).toBeVisible();
  await expect(page.getByText('职业技能等级证书信息管理服务平台（platform-sim）')).toBeVisible();
  const counts = page.getByRole('region', { name: '数量统计' });
  for (const kind of ['证书目录', '申报计划', '考试科目', '考试计划']) {
    // Nothing is there yet: every record is new.
    await expect(counts.getByRole('row').filter({ hasText: kind }).getByRole('cell')).toHaveText([kind, /^[1-9]\d*$/, '0', '0']);
  }
  await page.getByRole('combobox', { name: '按类型筛选' }).click();
  await pickOption(page, '考试计划');
  await expect(page.getByRole('cell', { name: 'K202005229994 物流管理2019年12月第2次考核' })).toBeVisible();
  // The evaluation organisation by its name (from the package's own catalog), not its code.
  const planChange = page.getByRole('row').filter({ hasText: 'K202005229994' });
  await expect(planChange).toContainText(/考核单位\s*北京中物联物流采购培训中心/);
  await expect(planChange).not.toContainText('PJ001');
  await shot(page, '22-import-preview');
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText(/^数据包已导入：新增 \d+ 项，更新 0 项。$/)).toBeVisible();
  await shot(page, '23-import-done');

  await open(page, '考试计划');
  const row = page.getByRole('row').filter({ hasText: 'K202005229994' });
  await expect(row).toContainText('物流管理2019年12月第2次考核');
  await expect(row).toContainText('2019-12-08 ~ 2019-12-21');
  await expect(row).toContainText('已结束');
  await shot(page, '24-plans');
  await row.getByRole('link', { name: 'K202005229994' }).click();

  // The manual's 查看考试计划, line by line.
  await expect(page.getByRole('heading', { name: '物流管理2019年12月第2次考核' })).toBeVisible();
  await expect(page.getByText('北京中物联物流采购培训中心').first()).toBeVisible();
  await expect(page.getByRole('row', { name: /报考时间\s*2019-12-08 ~ 2019-12-21/ })).toBeVisible();
  const junior = page.getByRole('region', { name: '物流管理职业技能等级证书（初级）' });
  await expect(junior).toContainText('考核通过条件：综合成绩合格');
  await expect(junior).toContainText('综合成绩合格分数：60分');
  const basic = junior.getByRole('row').filter({ hasText: '基础考核' });
  await expect(basic.getByRole('cell')).toHaveText(['098694', '基础考核', '机考', '60', '40%', '2019-12-21 08:30~10:002019-12-22 08:30~10:00', '180分钟']);
  await expect(page.getByRole('region', { name: '物流管理职业技能等级证书（中级）' })).toContainText('577875');
  await expect(page.getByRole('menuitem', { name: '考试计划' })).toHaveClass(/ant-menu-item-selected/);
  await shot(page, '25-plan-detail');

  await open(page, '考试科目');
  await expect(page.getByRole('row').filter({ hasText: '098694' })).toContainText('物流管理职业技能等级证书(初级)');
  await page.getByRole('combobox', { name: '考试方式' }).click();
  await pickOption(page, '实操');
  await expect(page.getByRole('row').filter({ hasText: '098694' })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: '609371' })).toBeVisible();
  await shot(page, '26-subjects');
  await open(page, '证书目录');
  await expect(page.getByRole('row').filter({ hasText: '物流管理职业技能等级证书' })).toContainText('初级中级高级');
  await shot(page, '27-certificates');
  await open(page, '申报计划');
  await expect(page.getByRole('columnheader', { name: '是否需要地市级教育局审批' })).toBeVisible();
  await shot(page, '28-declaration-plans');
  await open(page, '专业目录');
  await page.getByRole('textbox', { name: '搜索专业' }).fill('物流');
  await expect(page.getByRole('cell', { name: '物流管理', exact: true })).toBeVisible();
  await shot(page, '29-majors');
  await nav(page).getByRole('link', { name: '工作台' }).click();
  await expect(page.getByRole('link', { name: '全部考试计划' })).toBeVisible();
  await shot(page, '30-home-plans');

  // The same package again: the preview and the result both say nothing changes.
  await chooseForImport(page, catalogZip);
  await expect(page.getByText(/这个数据包已于 .+ 导入过，再次导入不会改变任何数据。/)).toBeVisible();
  await expect(page.getByText('数据包中的内容与现有数据完全相同，导入后不会有任何改变。')).toBeVisible();
  await shot(page, '31-import-again-preview');
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText(/再次导入不会改变任何数据/).first()).toBeVisible();
  await shot(page, '32-import-again-done');

  // An institution package, written to a folder (the USB stick).
  const usb = workDir('usb');
  await open(page, '生成数据包');
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('请至少选择一种数据')).toBeVisible();
  await page.getByRole('checkbox', { name: '院校信息' }).check();
  const missing = join(usb, '不存在的文件夹');
  await page.getByLabel('保存到文件夹').fill(missing);
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText(`文件夹 ${missing} 不存在。`)).toBeVisible();
  await page.getByLabel('保存到文件夹').fill(usb);
  await page.getByLabel('保存到文件夹').press('Enter');
  await expect(page.getByText('数据包已生成')).toBeVisible();
  const written = readdirSync(usb).filter((f) => f.endsWith('.zip'));
  expect(written).toEqual([expect.stringMatching(new RegExp(`^数据包-${INSTITUTION}-第0001号-\\d{8}\\.zip$`))]);
  await expect(page.getByText(join(usb, written[0]!))).toBeVisible();
  await shot(page, '33-export-done');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /下\s*载/ }).click();
  expect((await download).suggestedFilename()).toBe(written[0]);

  await open(page, '交换记录');
  const out = page.getByRole('row').filter({ hasText: '导出' });
  await expect(out).toContainText('院校信息');
  await expect(out).toContainText('院校信息 1 条');
  await expect(out).toContainText(written[0]!);
  const inbound = page.getByRole('row').filter({ hasText: '导入' }).filter({ hasText: '考试计划' });
  await expect(inbound).toHaveCount(1);
  await expect(inbound).toContainText('已验证');
  await expect(inbound).toContainText('目录数据包.zip');
  await shot(page, '34-history');

  const again = workDir('usb-2');
  await out.getByText('写到文件夹…').click();
  const dialog = page.getByRole('dialog', { name: '写到文件夹' });
  await dialog.getByLabel('文件夹').fill(again);
  await shot(page, '35-history-rewrite');
  await dialog.getByLabel('文件夹').press('Enter');
  await expect(page.getByText(`已写到 ${join(again, written[0]!)}`)).toBeVisible();
  expect(existsSync(join(again, written[0]!))).toBe(true);
});

test('a tampered package is refused naming the file; an unsigned one only when the setting allows it', async ({ page, served }) => {
  const dir = workDir('platform');
  const genuine = join(dir, '目录数据包.zip');
  const publicKey = issueCatalog(dir, genuine);
  const unsigned = join(dir, '未签名数据包.zip');
  issueCatalog(dir, unsigned, ['--unsigned']);

  // One payload file rewritten, the manifest (and its signature) kept as they were.
  const zip = await JSZip.loadAsync(readFileSync(genuine));
  const plans = await zip.file('payload/exam-plans.json')!.async('string');
  zip.file('payload/exam-plans.json', plans.replace('物流管理2019年12月第2次考核', '物流管理2019年12月第2次考核（改）'));
  const tampered = join(dir, '被改动的数据包.zip');
  writeFileSync(tampered, await zip.generateAsync({ type: 'nodebuffer' }));

  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await trustPlatformKey(page, publicKey);
  await saveExchangeSettings(page);

  await chooseForImport(page, tampered);
  await expect(page.getByText('数据包未通过校验，没有导入')).toBeVisible();
  await expect(page.getByText('文件 payload/exam-plans.json 的校验和与清单不符，数据包可能已被篡改或损坏。')).toBeVisible();
  await expect(page.locator('code', { hasText: 'payload/exam-plans.json' })).toBeVisible();
  await expect(page.getByText('被改动的数据包.zip')).toBeVisible();
  await shot(page, '36-import-tampered');

  await page.getByRole('button', { name: '重新选择文件' }).click();
  await page.locator('input[type="file"]').setInputFiles(unsigned);
  await expect(page.getByText('数据包没有签名，而设置要求只接受平台签名的数据包。')).toBeVisible();
  await expect(page.getByText(/临时开启“接受未签名的数据包”/)).toBeVisible();
  await shot(page, '37-import-unsigned-refused');

  await open(page, '设置');
  await page.getByRole('tab', { name: '数据交换' }).click();
  await page.getByRole('switch', { name: '接受未签名的数据包' }).click();
  await expect(page.getByText('未签名的数据包无法证明来自平台')).toBeVisible();
  await saveExchangeSettings(page);

  await chooseForImport(page, unsigned);
  await expect(page.getByText('未签名：设置允许接受未签名数据包')).toBeVisible();
  await expect(page.getByText('未签名', { exact: true })).toBeVisible();
  await shot(page, '38-import-unsigned-allowed');

  // Nothing refused above reached the store.
  await open(page, '考试计划');
  await expect(page.getByText('还没有考试计划。')).toBeVisible();
  await open(page, '交换记录');
  await expect(page.getByText('还没有交换过数据包')).toBeVisible();
});

test('online exchange: push the institution package, pull the platform’s answer over HTTPS', async ({ page, served }) => {
  const keys = join(workDir('platform'), 'keys');
  const platform = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/tools/platform/cli.ts'), 'serve', '--port', '0', '--keys', keys], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const platformUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      platform.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(https:\/\/127\.0\.0\.1:\d+\/?)/.exec(out);
        if (m) resolve(m[1]!);
      });
      platform.once('exit', (code) => reject(new Error(`platform serve exited with ${code}`)));
    });

    await completeSetup(page, served.url);
    await login(page, PRINCIPAL.username, PRINCIPAL.password);
    await trustPlatformKey(page, readFileSync(join(keys, 'platform-public.pem'), 'utf8'));
    await page.getByRole('switch', { name: '在线交换' }).click();
    await page.getByLabel('平台地址').fill(platformUrl);
    await page.getByLabel('平台 CA 证书').fill(readFileSync(join(keys, 'platform-tls-cert.pem'), 'utf8'));
    await shot(page, '39-settings-online');
    await saveExchangeSettings(page);

    await open(page, '生成数据包');
    await page.getByRole('checkbox', { name: '院校信息' }).check();
    await page.getByRole('button', { name: /生\s*成$/ }).click();
    await expect(page.getByText('数据包已生成')).toBeVisible();

    await open(page, '交换记录');
    await page.getByRole('button', { name: /在线交换/ }).click();
    await expect(page.getByText('在线交换完成')).toBeVisible();
    await expect(page.getByText('上传 1 个数据包；从平台取回 1 个，其中 1 个已导入。')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '导出' })).toContainText('已上传');
    const pulled = page.getByRole('row').filter({ hasText: '考试计划' });
    await expect(pulled).toContainText('已验证');
    await expect(pulled).toContainText('职业技能等级证书信息管理服务平台');
    await shot(page, '40-history-online');

    await open(page, '考试计划');
    await expect(page.getByRole('link', { name: 'K202005229994' })).toBeVisible();
  } finally {
    if (platform.exitCode === null) {
      const exited = new Promise((r) => platform.once('exit', r));
      platform.kill('SIGTERM');
      await exited;
    }
  }
});
