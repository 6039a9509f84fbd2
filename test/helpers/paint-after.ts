import type { Page } from '@playwright/test';

/**
 * Milliseconds from the last `input` or `click` event of `action` to the frame painted after the
 * candidate count reads `text`, measured inside the page (no polling in between): the count is
 * seen changed, the next frame's callback runs, and a task queued there runs once that frame has
 * been painted.
 */
export async function paintAfter(page: Page, trigger: 'input' | 'click', text: string, action: () => Promise<void>, timeoutMs = 60_000): Promise<number> {
  await page.evaluate(
    ({ trigger, text, timeoutMs }) => {
      const w = window as unknown as { __paint?: Promise<number> };
      w.__paint = new Promise<number>((resolve, reject) => {
        const el = document.querySelector('[data-testid="candidate-count"]')!;
        const timer = setTimeout(() => reject(new Error(`the count read "${el.textContent}", never "${text}"`)), timeoutMs);
        let last = performance.now();
        // No named function in here: tsx (outside Playwright's runner) would wrap it in a helper the page lacks.
        const listening = new AbortController();
        document.addEventListener(trigger, () => (last = performance.now()), { capture: true, signal: listening.signal });
        const observer = new MutationObserver(() => {
          if (el.textContent !== text) return;
          observer.disconnect();
          clearTimeout(timer);
          listening.abort();
          requestAnimationFrame(() => setTimeout(() => resolve(Math.round(performance.now() - last))));
        });
        observer.observe(el, { childList: true, characterData: true, subtree: true });
      });
    },
    { trigger, text, timeoutMs },
  );
  await action();
  return page.evaluate(() => (window as unknown as { __paint: Promise<number> }).__paint);
}
