import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { issueCatalogPackage } from '../tools/platform/issue-package';
import { openPlatform, type Platform } from '../tools/platform/platform';
import { trustPlatformKey as trustAndSave } from './candidate-helpers';
import { completeSetup, expect, login, PRINCIPAL } from './fixtures';
import { open, workDir } from './page-helpers';

export const ROOT = join(import.meta.dirname, '../..');
export const INSTITUTION = '4137014320';

/** The platform simulator, as `npm run platform -- catalog …` runs it; its keys live in the test's own folder. */
export function issueCatalog(dir: string, out: string, extra: string[] = []): string {
  const keys = join(dir, 'keys');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test/tools/platform/cli.ts'), 'catalog', '--institution', INSTITUTION, '--out', out, '--keys', keys, ...extra],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`platform catalog failed (${r.status}): ${r.stderr}`);
  return readFileSync(join(keys, 'platform-public.pem'), 'utf8');
}

export async function trustPlatformKey(page: Page, pem: string): Promise<void> {
  await open(page, '设置');
  await page.getByRole('tab', { name: '数据交换' }).click();
  await page.getByRole('button', { name: '添加平台公钥' }).click();
  await page.getByRole('textbox', { name: '平台公钥 1' }).fill(pem);
  await expect(page.getByText(/平台公钥 1（密钥编号 [0-9a-f]{16}）/)).toBeVisible();
}

export async function saveExchangeSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^保\s*存$/ }).click();
  const saved = page.getByText('数据交换设置已保存');
  await expect(saved).toBeVisible();
  // Let the notice fade, so it does not cover the next pages' screenshots.
  await expect(saved).toBeHidden();
}

export async function chooseForImport(page: Page, file: string): Promise<void> {
  await open(page, '导入数据包');
  await expect(page.getByText('点击选择，或把数据包拖到这里')).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(file);
}

/** The platform's reply to an outbound package, as `npm run platform -- answer IN --out OUT` writes it (`extra`: `--now T`, …). */
export function answerPackage(dir: string, outbound: string, out: string, extra: string[] = []): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/tools/platform/cli.ts'), 'answer', outbound, '--out', out, '--keys', join(dir, 'keys'), ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`platform answer failed (${r.status}): ${r.stderr}`);
}

/**
 * How a workflow's spec starts: the simulator's keys and catalog in the test's own folder, the
 * first run, the principal logged in, the platform's key trusted and the catalog imported.
 */
export async function startWithCatalog(page: Page, url: string, name: string): Promise<{ dir: string; platform: Platform }> {
  const dir = workDir(name);
  const platform = openPlatform({ keysDir: join(dir, 'keys') });
  const catalogZip = join(dir, '目录数据包.zip');
  await issueCatalogPackage(platform, { institutionCode: INSTITUTION, out: catalogZip });
  await completeSetup(page, url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await trustAndSave(page, platform.keys.publicPem);
  await importThroughPage(page, catalogZip);
  return { dir, platform };
}

/** Imports a package through the page, as a person does: choose, preview, 导入. */
export async function importThroughPage(page: Page, file: string): Promise<void> {
  await chooseForImport(page, file);
  await page.getByRole('button', { name: /^导\s*入$/ }).click();
  await expect(page.getByText(/^数据包已导入/)).toBeVisible();
}

/**
 * 生成数据包 with exactly these kinds (their labels), written to an empty folder (the USB stick);
 * returns the package's path. `check`: what else to tick on the page first (包括信息不完整的考生).
 */
export async function exportPackage(page: Page, kinds: string[], folder: string, check: string[] = []): Promise<string> {
  await open(page, '生成数据包');
  const form = page.locator('form');
  for (const box of await form.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
  for (const kind of kinds) await form.getByRole('checkbox', { name: kind, exact: true }).check();
  for (const name of check) await page.getByRole('checkbox', { name }).check();
  await page.getByLabel('保存到文件夹').fill(folder);
  await page.getByRole('button', { name: /生\s*成$/ }).click();
  await expect(page.getByText('数据包已生成')).toBeVisible();
  const [zip, ...more] = readdirSync(folder).filter((f) => f.endsWith('.zip'));
  if (!zip || more.length) throw new Error(`expected one package in ${folder}`);
  return join(folder, zip);
}
