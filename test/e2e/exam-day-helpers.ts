import type { Page } from '@playwright/test';

/** What a USB scanner in keyboard mode does: the QR text at 5 ms a key, then Enter. */
export async function scan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}

/** The check-in page's line that says what the last scan or key did. */
export const outcome = (page: Page) => page.getByRole('status');
