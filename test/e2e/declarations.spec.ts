import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { completeSetup, expect, login, PRINCIPAL, shot, test } from './fixtures';
import { addMajor, completeProfile, declare, submitDeclaration } from './declaration-helpers';
import { answerPackage, importThroughPage, issueCatalog, saveExchangeSettings, trustPlatformKey } from './package-helpers';
import { nav, open, workDir } from './page-helpers';

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
  await completeProfile(page);
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

  for (const certificate of ['物流管理职业技能等级证书（初级）', 'Python程序开发职业技能等级证书（初级）']) await submitDeclaration(page, certificate);
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
