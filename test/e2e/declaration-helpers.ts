import type { Page } from '@playwright/test';
import { expect, shot } from './fixtures';
import { dropdownOptions, pickOption } from './page-helpers';

/** 院校信息 → 修改: what a declaration needs besides the set-up's fields (the principal's form). */
export async function completeProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^修\s*改$/ }).click();
  await page.getByLabel('院校类型').click();
  await pickOption(page, '高等职业学校（专科）');
  await page.getByLabel('联系人').fill('孙老师');
  await page.getByLabel('联系电话').fill('13805356927');
  await page.getByLabel('联系邮箱').fill('jwc@ytvc.edu.cn');
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText('院校信息已保存')).toBeVisible();
}

/** 开设专业 → 添加专业, on the 院校信息 page. */
export async function addMajor(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('button', { name: '添加专业' }).click();
  const dialog = page.getByRole('dialog', { name: '添加开设专业' });
  await dialog.getByLabel('专业代码').fill(code);
  await dialog.getByLabel('专业名称').fill(name);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
}

/** 申报新的证书试点 on the 证书试点申报 page: a certificate and level for a major, with one teacher and one room. */
export async function declare(page: Page, certificate: string, level: string, major: string, count: number, screenshot?: string): Promise<void> {
  await page.getByRole('button', { name: '申报新的证书试点' }).first().click();
  const drawer = page.getByRole('dialog', { name: /申报新的证书试点/ });
  await drawer.getByLabel('证书', { exact: true }).click();
  await pickOption(page, certificate);
  await drawer.getByLabel('证书等级').click();
  await pickOption(page, level);
  await drawer.getByLabel('拟申报专业').click();
  await dropdownOptions(page).filter({ hasText: major }).click();
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

/** 提交审核 of one declaration row, through its confirmation. */
export async function submitDeclaration(page: Page, certificate: string): Promise<void> {
  await page.getByRole('row').filter({ hasText: certificate }).getByRole('button', { name: '提交审核' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '提交后不能修改' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '提交审核' }).click();
  await expect(confirm).toBeHidden();
}
