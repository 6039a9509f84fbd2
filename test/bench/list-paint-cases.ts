import { type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { listCandidates } from '../../src-main/core/candidates/candidates-service';
import type { FakePerson } from '../../src-main/core/demo/fake-people';
import type { Store } from '../../src-main/store/store';
import { candidateListInput, type CandidateFilter } from '../../src-shared/api/candidates';
import { CHROMIUM_LAUNCH, PAGE_OPTIONS } from '../helpers/chromium';
import { paintAfter } from '../helpers/paint-after';
import { login, PRINCIPAL, serve } from '../helpers/served-app';
import { buildApp, schoolWith } from './bench-app';
import type { BenchCase } from './harness';

const COUNT = 50_000;

interface ListApp {
  page: Page;
  store: Store;
  people: FakePerson[];
  browser: Browser;
  child: ChildProcess;
  dir: string;
}

let app: ListApp | undefined;
const countOf = (a: ListApp) => a.page.getByTestId('candidate-count');

/**
 * The built pages served on a store of 50,000 school candidates, logged in, on 考生名单 — made
 * once for both cases (a minute: the build, the candidates), closed by `closeListApp`. Each run
 * starts from a reloaded page, so no answer comes from the last run's cache.
 */
async function listApp(): Promise<ListApp> {
  if (app) {
    await app.page.reload();
    await countOf(app).getByText(`共 ${COUNT} 名`).waitFor();
    return app;
  }
  await buildApp();
  const { dir, store, people } = await schoolWith(COUNT, 50_002);
  const { url, child } = await serve(dir);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await browser.newPage(PAGE_OPTIONS);
  await page.goto(url);
  await login(page, PRINCIPAL.username, PRINCIPAL.password);
  await page.getByRole('menu', { name: '主导航' }).getByRole('link', { name: '考生名单' }).click();
  app = { page, store, people, browser, child, dir };
  await countOf(app).getByText(`共 ${COUNT} 名`).waitFor();
  return app;
}

export async function closeListApp(): Promise<void> {
  if (!app) return;
  await app.browser.close();
  app.child.kill('SIGTERM');
  app.store.close();
  rmSync(app.dir, { recursive: true, force: true });
  app = undefined;
}

/** What the count above the list will read for this filter: the server's own answer. */
function countText(store: Store, filter: Omit<CandidateFilter, 'kind'>): string {
  const { total } = listCandidates(store, candidateListInput.parse({ kind: 'school', ...filter, offset: 0, limit: 1 }));
  return Object.keys(filter).length ? `筛选出 ${total} 名` : `共 ${total} 名`;
}

async function clearSearch(a: ListApp): Promise<void> {
  await a.page.getByRole('textbox', { name: '搜索考生' }).fill('');
  await countOf(a).getByText(countText(a.store, {})).waitFor();
}

/**
 * Each keystroke of a search typed one character at a time, from the `input` event to the frame
 * that paints the new count; the next key is pressed once that frame is painted. Searches a
 * coordinator types: a surname and given name, an ID number's digits, a phone's last digits, pinyin.
 */
async function keystrokes(a: ListApp): Promise<number[]> {
  const target = a.people[31_337]!;
  const typed = [target.name, target.idNumber.slice(6, 12), target.phone.slice(-4), 'zhang'];
  const samples: number[] = [];
  const box = a.page.getByRole('textbox', { name: '搜索考生' });
  for (const text of typed) {
    await clearSearch(a);
    await box.focus();
    for (let i = 1; i <= text.length; i++) {
      const expected = countText(a.store, { search: text.slice(0, i) });
      samples.push(await paintAfter(a.page, 'input', expected, () => a.page.keyboard.insertText(text[i - 1]!)));
    }
  }
  return samples;
}

async function choose(a: ListApp, label: string, option: string, filter: Omit<CandidateFilter, 'kind'>): Promise<number> {
  await a.page.getByRole('combobox', { name: label }).click();
  const item = a.page.locator('.ant-select-dropdown:visible:not([class*="-enter"]):not([class*="-appear"]) .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) });
  await item.waitFor();
  return paintAfter(a.page, 'click', countText(a.store, filter), () => item.click());
}

/**
 * Clicks on the list's filters, each from the click on the option to the frame painting the new
 * count: three entry years in turn, then 信息不完整 and 无照片 on top of the last.
 */
async function filterClicks(a: ListApp): Promise<number[]> {
  const years = [...new Set(a.people.map((p) => p.entryYear))].sort((x, y) => x - y).slice(-3);
  const samples: number[] = [];
  for (const year of years) samples.push(await choose(a, '入学年份', String(year), { entryYear: year }));
  const year = years.at(-1)!;
  samples.push(await choose(a, '完整性', '信息不完整', { entryYear: year, complete: false }));
  samples.push(await choose(a, '照片', '无照片', { entryYear: year, complete: false, hasPhoto: false }));
  return samples;
}

/**
 * DESIGN.md §6 "candidate list, 50,000 rows: filter keystroke to paint < 100 ms", in Chromium
 * through the loopback bridge, on the built pages: the query, the transport and React together.
 */
export const listPaintCases: BenchCase[] = [
  { name: 'candidate list of 50,000 in Chromium: search keystroke to paint', runs: 3, budgetMs: 100, setup: listApp, run: (a) => keystrokes(a as ListApp) },
  { name: 'candidate list of 50,000 in Chromium: filter click to paint', runs: 3, budgetMs: 100, setup: listApp, run: (a) => filterClicks(a as ListApp) },
];
