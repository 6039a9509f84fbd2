import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** 考场管理 → 添加考场, for the chosen plan: its address comes from the site; saved with Enter. */
export async function addRoom(page: Page, room: { name: string; type: '机考' | '实操' | '笔试'; seats: number; siteAddress: string }): Promise<void> {
  await page.getByRole('button', { name: '添加考场' }).click();
  const form = page.getByRole('dialog').filter({ hasText: '设置考场' });
  await expect(form.getByLabel('详细地址')).toHaveValue(room.siteAddress);
  await form.getByLabel('考场名称').fill(room.name);
  await form.getByText(`${room.type}考场`, { exact: true }).click();
  await form.getByLabel('考场座位数').fill(String(room.seats));
  await form.getByLabel('考场名称').press('Enter');
  await expect(page.getByText(`已保存考场“${room.name}”`)).toBeVisible();
}
