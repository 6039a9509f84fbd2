import type { Locator, Page } from '@playwright/test';
import { expect, shot } from './fixtures';
import { dropdownOptions } from './page-helpers';

/** A dialog's multiple select of invigilators, set to exactly these people (typed and picked, as a person would). */
export async function choosePeople(page: Page, dialog: Locator, names: string[], label = '监考老师'): Promise<void> {
  const select = dialog.getByLabel(label);
  for (const name of names) {
    await select.fill(name);
    await dropdownOptions(page).filter({ hasText: name }).click();
  }
  await select.press('Escape');
}

/** 监考安排 → 监考人员 → 添加监考人员; `account`: the login it is linked to, as the drop-down shows it (王芳（wangfang）). */
export async function addStaff(page: Page, person: { name: string; phone: string; department: string; account?: string }, screenshot?: string): Promise<void> {
  await page.getByRole('button', { name: '添加监考人员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加监考人员' });
  await dialog.getByLabel('姓名').fill(person.name);
  await dialog.getByLabel('手机号').fill(person.phone);
  await dialog.getByLabel('所在部门').fill(person.department);
  if (person.account) {
    await dialog.getByLabel('登录账号').click();
    await dropdownOptions(page).filter({ hasText: person.account }).click();
  }
  if (screenshot) await shot(page, screenshot, { window: true });
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await expect(page.getByText(`已保存监考人员“${person.name}”`)).toBeVisible();
}
