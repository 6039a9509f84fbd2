import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The page interactions every spec shares: the test's folder, the menu, antd's drop-downs, downloads.

export function workDir(name: string): string {
  const dir = test.info().outputPath(name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const nav = (page: Page) => page.getByRole('menu', { name: '主导航' });

/** Opens a page from the menu and waits for its title, so the old page's rows are gone. */
export async function open(page: Page, label: string): Promise<void> {
  await nav(page).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: label, level: 3 })).toBeVisible();
}

export async function saveDownload(download: Promise<Download>, dir: string): Promise<{ path: string; name: string }> {
  const d = await download;
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

/**
 * The options of the Select drop-down that is open: not one still sliding in (a click during the
 * animation can be lost) nor one still fading out after the last pick (it would be a second match).
 * antd lists the options in a virtual list, so they are found by their text, not the listbox's few.
 */
export function dropdownOptions(page: Page): Locator {
  return page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"]) .ant-select-item-option');
}

/** Picks the option whose text is exactly `label` in the open drop-down. */
export async function pickOption(page: Page, label: string): Promise<void> {
  await dropdownOptions(page)
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}

/** Opens the Select labelled `label` and picks its first option whose text contains `text`. */
export async function choose(page: Page, label: string, text: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await dropdownOptions(page).filter({ hasText: text }).first().click();
}
