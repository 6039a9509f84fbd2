import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { institutionDayStart } from '../../../src-shared/domain/institution-time';
import { addDays, issueDayOf } from '../../tools/platform/dates';

/**
 * The days of the year the run needs, from the catalog's issue day D (default-scenario.json): the
 * declaration plan opens at D-10, the Python plan's publicity ends at D+45 and issuance follows.
 * The year board counts one calendar year, so all of them must fall in it.
 */
const FIRST_DAY = -10;
const LAST_DAY = 50;

const beijingHour = (at: Date) => (at.getTime() - institutionDayStart(issueDayOf(at)).getTime()) / 3_600_000;

/**
 * Where the year starts: now, when its Beijing date leaves the year's days in one calendar year
 * and the working day has hours left; otherwise 08:00 of the next day that does. Never before now:
 * the app's clock only runs ahead of the real one.
 */
export function yearStart(realNow: Date): Date {
  let at = realNow;
  for (let i = 0; i < 400; i++) {
    const day = issueDayOf(at);
    const year = day.slice(0, 4);
    const fits = addDays(day, FIRST_DAY).startsWith(year) && addDays(day, LAST_DAY).startsWith(year);
    const hour = beijingHour(at);
    if (fits && hour >= 7 && hour < 19) return at;
    at = new Date(institutionDayStart(addDays(day, 1)).getTime() + 8 * 3_600_000);
  }
  throw new Error(`no start for the year after ${realNow.toISOString()}`);
}

/**
 * The year's clock, shared by the server (its clock file: an offset in milliseconds from the
 * real time, read on every tick; test/tools/serve-on-clock.ts), the browser (Playwright's clock)
 * and the simulator (`--now`). Moving it moves all three to the same instant, from which each
 * runs on at the real pace.
 */
export class YearClock {
  /** The catalog's issue day (Beijing): the plans' dates count from it. */
  readonly issueDay: string;
  private offset: number;

  constructor(
    readonly file: string,
    realNow = new Date(),
  ) {
    const start = yearStart(realNow);
    this.issueDay = issueDayOf(start);
    this.offset = start.getTime() - realNow.getTime();
    writeFileSync(file, String(this.offset));
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** `D+n` as a date. */
  day(n: number): string {
    return addDays(this.issueDay, n);
  }

  /** What the simulator takes to act at the app's time. */
  nowArgs(): string[] {
    return ['--now', this.now().toISOString()];
  }

  /** …and to answer from the catalog it issued on the first day, however many days later. */
  answerArgs(): string[] {
    return [...this.nowArgs(), '--catalog-day', this.issueDay];
  }

  /** Before the first page loads: the browser's clock starts where the server's is. */
  async install(page: Page): Promise<void> {
    await page.clock.install({ time: this.now() });
  }

  /**
   * To `hh:mm` of day D+n, in Beijing. Log out first: the browser's idle lock counts the days
   * that pass as idle time.
   */
  async moveTo(page: Page, n: number, hhmm: string): Promise<void> {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    const target = new Date(institutionDayStart(this.day(n)).getTime() + (h * 60 + m) * 60_000);
    this.offset = target.getTime() - Date.now();
    writeFileSync(this.file, String(this.offset));
    await page.clock.setSystemTime(target);
  }
}
