import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { PRINCIPAL, serve } from '../helpers/served-app';

const ROOT = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export interface ServedApp {
  url: string;
  dataDir: string;
}

export const test = base.extend<{ served: ServedApp; freshDataDir: string }>({
  freshDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'examsite-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  served: async ({ freshDataDir }, use) => {
    const { url, child, errors } = await serve(freshDataDir);
    await use({ url, dataDir: freshDataDir });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expect(errors).toEqual([]);
  },
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || (m.type() === 'warning' && /antd|Warning/.test(m.text()))) problems.push(`${m.type()}: ${m.text()}`);
    });
    await use(page);
    // A page that logs React or antd errors/deprecations is not finished, even if it works.
    expect(problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  },
});

export { expect };
export { login, PRINCIPAL, serve } from '../helpers/served-app';

/**
 * Saves a screenshot under test-results/screenshots, the pictures to look at: the whole page, or
 * (`window`) just what the window shows. The shell scrolls a page inside its frame under a header
 * that stays, so for the whole page the window grows for the picture by what is scrolled away.
 */
export async function shot(page: Page, name: string, opts: { window?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(300);
  const path = join(SCREENSHOTS, `${name}.png`);
  const size = page.viewportSize();
  const hidden =
    opts.window || !size
      ? 0
      : await page.evaluate(() => {
          const main = document.querySelector('main');
          return main ? main.scrollHeight - main.clientHeight : 0;
        });
  if (!size || hidden <= 0) return void (await page.screenshot({ path, fullPage: !opts.window }));
  await page.setViewportSize({ width: size.width, height: size.height + hidden });
  await page.waitForTimeout(100);
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize(size);
}

/** The first-run wizard, filled in as a person would. */
export async function completeSetup(page: Page, url: string, opts: { screenshots?: boolean } = {}): Promise<void> {
  await page.goto(url);
  await expect(page.getByText('欢迎使用考点助手')).toBeVisible();
  await page.getByLabel('院校代码（教育部学校标识码）').fill('4137014320');
  await page.getByLabel('院校名称').fill('烟台职业学院');
  await page.getByLabel('所在地区').click();
  await page.getByRole('menuitemcheckbox', { name: '山东省' }).click();
  await page.getByRole('menuitemcheckbox', { name: '烟台市' }).click();
  await page.getByRole('menuitemcheckbox', { name: '莱山区' }).click();
  await page.getByLabel('详细地址').fill('烟台市莱山区滨海中路2018号');
  if (opts.screenshots) await shot(page, '01-setup-institution');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('负责人姓名').fill(PRINCIPAL.name);
  await page.getByLabel('登录用户名').fill(PRINCIPAL.username);
  await page.getByLabel('密码', { exact: true }).fill(PRINCIPAL.password);
  await page.getByLabel('再次输入密码').fill(PRINCIPAL.password);
  if (opts.screenshots) await shot(page, '02-setup-principal');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('山东省 烟台市 莱山区')).toBeVisible();
  if (opts.screenshots) await shot(page, '03-setup-confirm');
  await page.getByRole('button', { name: /^创\s*建$/ }).click();
  await expect(page.getByText('院校和负责人账号已创建')).toBeVisible();
  await page.getByRole('button', { name: '前往登录' }).click();
}

/** 账号菜单 → 退出登录, back to the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '账号菜单' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: /^登\s*录$/ })).toBeVisible();
}

/**
 * The first login of an account the principal created or reset: the 修改密码 screen, filled in as
 * a person would (the principal's password as 原密码, the new one twice), then on to the shell.
 */
export async function changeFirstPassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  const screen = page.getByRole('main', { name: '修改密码' });
  await expect(screen.getByText('这是负责人为您设置的初始密码，首次登录请修改为只有您自己知道的密码。')).toBeVisible();
  await screen.getByLabel('原密码').fill(oldPassword);
  await screen.getByLabel('新密码', { exact: true }).fill(newPassword);
  await screen.getByLabel('再次输入新密码').fill(newPassword);
  await screen.getByRole('button', { name: /^修改密码$/ }).click();
  await expect(screen).toHaveCount(0);
}
