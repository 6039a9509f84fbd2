import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_LAUNCH, PAGE_OPTIONS } from '../helpers/chromium';
import { serve } from '../helpers/served-app';
import { buildApp, schoolWith } from './bench-app';
import type { BenchCase } from './harness';

interface StartState {
  browser: Browser;
  dir: string;
}

let state: StartState | undefined;

/** A data folder of 10,000 candidates and a browser already running (as the Electron window's renderer would be). */
async function ready(): Promise<StartState> {
  if (state) return state;
  await buildApp();
  const { dir, store } = await schoolWith(10_000, 10_003);
  store.close();
  state = { browser: await chromium.launch(CHROMIUM_LAUNCH), dir };
  return state;
}

export async function closeStartState(): Promise<void> {
  if (!state) return;
  await state.browser.close();
  rmSync(state.dir, { recursive: true, force: true });
  state = undefined;
}

/**
 * DESIGN.md §6 "cold start to a usable page (browser mode, 10,000 candidates) < 2 s": from
 * starting the app's server (dist/main/cli.mjs serve, as `npm start -- --browser` does after its
 * build check) to the login form ready for typing in a fresh browser context (no cache): the
 * store opened, the page's first scripts loaded and run.
 */
async function coldStart(s: StartState): Promise<number[]> {
  const t0 = performance.now();
  const { url, child } = await serve(s.dir);
  const context = await s.browser.newContext(PAGE_OPTIONS);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('用户名').focus();
    return [performance.now() - t0];
  } finally {
    await context.close();
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

export const startCases: BenchCase[] = [
  { name: 'cold start to the login page, browser mode, 10,000 candidates', runs: 5, budgetMs: 2_000, setup: ready, run: (s) => coldStart(s as StartState) },
];
