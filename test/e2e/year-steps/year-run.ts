import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { IssuanceListPayload } from '../../../src-shared/domain/issuance-kinds';
import type { ResultsPayload, ScoresPayload } from '../../../src-shared/domain/score-kinds';
import { fakePeople, type FakePerson } from '../../../src-main/core/demo/fake-people';
import { serve } from '../fixtures';
import { answerPackage, exportPackage, importThroughPage } from '../package-helpers';
import { YearClock } from './year-clock';
import { workDir } from '../page-helpers';

/** Who works the year, besides the principal of fixtures.ts. */
export const COORDINATOR = { username: 'zhangwei', name: '张伟', initial: 'coordinator-pass-1', password: 'zhangwei-own-pass-1' };
export const INVIGILATOR = { username: 'wangfang', name: '王芳', phone: '13705353456', initial: 'wangfang-initial-1', password: 'wangfang-own-pass-1' };
/** The second invigilator of each room's sitting: on the staff list, without an account. */
export const SECOND_INVIGILATOR = { name: '刘洋', phone: '13605354567' };

export const SITE = { name: '烟台职业学院Python程序开发证书考核站点', address: '滨海中路2018号信息楼' };
export const CERTIFICATE = { name: 'Python程序开发职业技能等级证书', level: '初级', org: '北京中软国际教育科技股份有限公司' };
export const MAJOR = { code: '510201', name: '计算机应用技术' };

/** One admission ticket as printed: what the invigilator's scanner reads, and whose it is. */
export interface Ticket {
  name: string;
  ticketNumber: string;
  qr: string;
}

/** What the organisation answered to 考勤, read from its package as the platform signed it. */
export interface ScoresAnswer {
  scores: ScoresPayload;
  results: ResultsPayload;
  list: IssuanceListPayload;
}

/** Everything the year's steps share: the page, the served app on its clock, the scratch folder and what earlier steps learned. */
export interface YearRun {
  page: Page;
  url: string;
  dataDir: string;
  clock: YearClock;
  /** Packages, sheets, photos and PDFs; the simulator's keys under `keys/`. */
  dir: string;
  /** The Python plan of default-scenario.json that is 报名中 on the issue day. */
  planCode: string;
  people: FakePerson[];
  /** Read back from the printed 准考证 (exam-day.ts). */
  tickets: Ticket[];
  /** The 考勤 package sent the day after the exam: what the organisation's scores answer. */
  attendancePackage: string | null;
  /** Read from the reply to it at 成绩登记 (year-end.ts). */
  scoresAnswer: ScoresAnswer | null;
  server: { child: ChildProcess; errors: string[] };
}

/** Eight school candidates with distinct names (the pages pick people by name). */
function candidates(): FakePerson[] {
  const people = fakePeople(8, 31);
  if (new Set(people.map((p) => p.name)).size !== people.length) throw new Error('fakePeople(8, 31) gives two people one name: pick another seed');
  return people;
}

/** A fresh data folder served on the year's clock, and the browser's clock set to it before the first page loads. */
export async function startYear(page: Page, dataDir: string): Promise<YearRun> {
  const dir = workDir('year');
  const clock = new YearClock(join(dir, 'clock-offset'));
  const { url, child, errors } = await serve(dataDir, { clockFile: clock.file });
  await clock.install(page);
  return {
    page,
    url,
    dataDir,
    clock,
    dir,
    planCode: `K${clock.issueDay.slice(0, 4)}31000001`,
    people: candidates(),
    tickets: [],
    attendancePackage: null,
    scoresAnswer: null,
    server: { child, errors },
  };
}

export async function stopYear(run: YearRun): Promise<string[]> {
  const { child, errors } = run.server;
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  return errors;
}

/** A folder of its own for one package or document (exportPackage wants it empty). */
export const folder = (run: YearRun, name: string) => workDir(join('year', name));

/**
 * An outbound package to the platform and its answer back, as a coordinator does it with a USB
 * stick: 生成数据包 with these kinds, the simulator's reply (on the app's clock), 导入数据包.
 * Returns the outbound package's path.
 */
export async function roundTrip(run: YearRun, kinds: string[], name: string, check: string[] = []): Promise<string> {
  const outbound = await exportPackage(run.page, kinds, folder(run, name), check);
  const reply = join(run.dir, `${name}-回复.zip`);
  answerPackage(run.dir, outbound, reply, run.clock.answerArgs());
  await importThroughPage(run.page, reply);
  return outbound;
}
