import { join } from 'node:path';
import { changeFirstPassword, completeSetup, expect, login, logout, PRINCIPAL, shot } from '../fixtures';
import { addMajor, completeProfile } from '../declaration-helpers';
import { importThroughPage, issueCatalog, saveExchangeSettings, trustPlatformKey } from '../package-helpers';
import { expectBoard } from './year-board';
import { COORDINATOR, INVIGILATOR, MAJOR, type YearRun } from './year-run';
import { open, pickOption } from '../page-helpers';

/** 首次设置: the institution and its principal, then the principal's first login. */
export async function firstRun(run: YearRun): Promise<void> {
  const { page } = run;
  await completeSetup(page, run.url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await expect(page.getByRole('heading', { name: `您好，${PRINCIPAL.name}` })).toBeVisible();
  // Nothing from the platform yet: no declaration plan, no exam plan.
  await expectBoard(page, { 证书申报: '尚未开始', 考点申报: '待办', 考生管理: '待办', 报考: '尚未开始', 成绩: '尚未开始', 发证: '尚未开始' });
}

/** The platform's key trusted (设置 → 数据交换), and its catalog package issued on the year's first day imported. */
export async function catalog(run: YearRun): Promise<void> {
  const { page } = run;
  const zip = join(run.dir, '目录数据包.zip');
  const key = issueCatalog(run.dir, zip, run.clock.nowArgs());
  await trustPlatformKey(page, key);
  await saveExchangeSettings(page);
  await importThroughPage(page, zip);
  // The declaration plan is open; nothing asks for rooms or enrollments before a certificate is approved.
  await expectBoard(page, { 证书申报: '待办', 考场设置: '尚未开始', 报考: '尚未开始' }, { says: { 证书申报: '申报中' }, screenshot: 'year-01-board-catalog' });
}

/** 院校信息 completed (the principal's form) and 开设专业: what a declaration needs. */
export async function profile(run: YearRun): Promise<void> {
  const { page } = run;
  await open(page, '院校信息');
  await completeProfile(page);
  await addMajor(page, MAJOR.code, MAJOR.name);
  await expect(page.getByText('院校基础信息还不完整')).toHaveCount(0);
  await shot(page, 'year-02-institution');
}

/** 账号管理: a coordinator who works the year, and an invigilator for exam day; then the coordinator's first login. */
export async function accounts(run: YearRun): Promise<void> {
  const { page } = run;
  await open(page, '账号管理');
  for (const [person, role] of [
    [COORDINATOR, '业务管理员'],
    [INVIGILATOR, '监考/巡考'],
  ] as const) {
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('姓名').fill(person.name);
    await dialog.getByLabel('用户名').fill(person.username);
    await dialog.getByLabel('角色').click();
    await pickOption(page, role);
    await dialog.getByLabel('初始密码').fill(person.initial);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await expect(page.getByRole('row', { name: new RegExp(person.username) })).toContainText(role);
  }
  await shot(page, 'year-03-accounts');
  await logout(page);
  await login(page, COORDINATOR.username, COORDINATOR.initial);
  await changeFirstPassword(page, COORDINATOR.initial, COORDINATOR.password);
  await expect(page.getByRole('heading', { name: `您好，${COORDINATOR.name}` })).toBeVisible();
}
