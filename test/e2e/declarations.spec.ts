import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { completeSetup, expect, login, PRINCIPAL, shot, test } from './fixtures';
import { answerPackage, importThroughPage, issueCatalog, nav, open, pickOption, saveExchangeSettings, trustPlatformKey, workDir } from './package-helpers';

async function addMajor(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('button', { name: '添加专业' }).click();
  const dialog = page.getByRole('dialog', { name: '添加开设专业' });
  await dialog.getByLabel('专业代码').fill(code);
  await dialog.getByLabel('专业名称').fill(name);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
}

async function declare(page: Page, certificate: string, level: string, major: string, count: number, screenshot?: string): Promise<void> {
  await page.getByRole('button', { name: '申报新的证书试点' }).first().click();
  const drawer = page.getByRole('dialog', { name: /申报新的证书试点/ });
  await drawer.getByLabel('证书', { exact: true }).click();
  await pickOption(page, certificate);
  await drawer.getByLabel('证书等级').click();
  await pickOption(page, level);
  await drawer.getByLabel('拟申报专业').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: major }).click();
  await drawer.getByLabel('拟申报培训人数').fill(String(count));
  await drawer.getByRole('button', { name: '添加教师' }).click();
  await drawer.getByLabel('教师姓名').fill('孙建国');
  await drawer.getByLabel('职称').fill('副教授');
  await drawer.getByRole('button', { name: '添加场地' }).click();
  await drawer.getByLabel('场地名称').fill('13号机房');
  await drawer.getByLabel('座位数').fill('60');
  if (screenshot) await shot(page, screenshot, { window: true });
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer).toBeHidden();
}

test('证书试点申报: complete the profile, declare two certificates, submit, send, the province answers, the quota and the year board change', async ({ page, served }) => {
  const dir = workDir('platform');
  const catalogZip = join(dir, '目录数据包.zip');
  const publicKey = issueCatalog(dir, catalogZip);
  await completeSetup(page, served.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await trustPlatformKey(page, publicKey);
  await saveExchangeSettings(page);
  await importThroughPage(page, catalogZip);

  // The year board before anything is declared.
  await nav(page).getByRole('link', { name: '工作台' }).click();
  const board = page.getByRole('list', { name: '本年度工作进度' });
  await expect(board.getByRole('listitem', { name: /^证书申报：/ })).toContainText('申报中');
  await expect(page.getByText('尚未成为本年度试点院校')).toBeVisible();
  await shot(page, '40-yearboard-before');

  // A declaration needs the profile first: the page says what is missing and where.
  await open(page, '证书试点申报');
  await expect(page.getByText('申报前请先完善院校基础信息')).toBeVisible();
  await expect(page.getByRole('button', { name: '申报新的证书试点' }).first()).toBeDisabled();
  await shot(page, '41-declarations-profile-missing');
  await page.getByRole('link', { name: '去完善院校信息' }).click();
  await page.getByRole('button', { name: /^修\s*改$/ }).click();
  await page.getByLabel('院校类型').click();
  await pickOption(page, '高等职业学校（专科）');
  await page.getByLabel('联系人').fill('孙老师');
  await page.getByLabel('联系电话').fill('13805356927');
  await page.getByLabel('联系邮箱').fill('jwc@ytvc.edu.cn');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('院校信息已保存')).toBeVisible();
  await addMajor(page, '530802', '物流管理');
  await addMajor(page, '510201', '计算机应用技术');
  await expect(page.getByText('院校基础信息还不完整')).toHaveCount(0);
  await shot(page, '42-institution-majors');

  await open(page, '证书试点申报');
  await expect(page.getByText('申报前请先完善院校基础信息')).toHaveCount(0);
  await declare(page, '物流管理职业技能等级证书（北京中物联物流采购培训中心）', '初级', '物流管理', 200, '43-declaration-form');
  await declare(page, 'Python程序开发职业技能等级证书（北京中软国际教育科技股份有限公司）', '初级', '计算机应用技术', 120);
  await expect(page.getByRole('tab', { name: '待提交 2' })).toBeVisible();
  await shot(page, '43-declarations-drafts-list');

  for (const certificate of ['物流管理职业技能等级证书（初级）', 'Python程序开发职业技能等级证书（初级）']) {
    await page.getByRole('row').filter({ hasText: certificate }).getByRole('button', { name: '提交审核' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '提交后不能修改' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: '提交审核' }).click();
    await expect(confirm).toBeHidden();
  }
  await expect(page.getByRole('tab', { name: '待审核 2' })).toBeVisible();
  // A submitted declaration is read-only: 查看, no 修改.
  const logistics = page.getByRole('row').filter({ hasText: '物流管理职业技能等级证书（初级）' });
  await expect(logistics.getByRole('button', { name: '查看' })).toBeVisible();
  await expect(logistics.getByRole('button', { name: '修改' })).toHaveCount(0);
  await shot(page, '44-declarations-submitted');

  // To the province on a USB stick, and the answer back.
  const usb = workDir('usb');
  await open(page, '生成数据包');
  await page.getByRole('checkbox', { name: '证书试点申报' }).check();
  await page.getByLabel('保存到文件夹').fill(usb);
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('数据包已生成')).toBeVisible();
  const [written] = readdirSync(usb).filter((f) => f.endsWith('.zip'));
  const reply = join(dir, '审核结果.zip');
  answerPackage(dir, join(usb, written!), reply);
  await importThroughPage(page, reply);

  await open(page, '证书试点申报');
  await expect(page.getByRole('tab', { name: '审核通过 1' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '审核不通过 1' })).toBeVisible();
  const rejected = page.getByRole('row').filter({ hasText: 'Python程序开发职业技能等级证书（初级）' });
  await expect(rejected).toContainText('审核不通过');
  await expect(rejected.getByRole('button', { name: '修改' })).toBeVisible();
  await shot(page, '45-declarations-reviewed');

  await open(page, '年度指标');
  await expect(page.getByText(/本院校是试点院校/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '物流管理职业技能等级证书' })).toContainText('200');
  await shot(page, '46-quota');

  await nav(page).getByRole('link', { name: '工作台' }).click();
  await expect(board.getByRole('listitem', { name: '证书申报：已完成' })).toContainText('审核通过 1');
  await expect(page.getByText('本年度试点院校')).toBeVisible();
  await shot(page, '47-yearboard-after');
});
