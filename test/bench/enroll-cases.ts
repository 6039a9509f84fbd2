import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openAndMigrate } from '../../src-main/core/app-core';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { enrollCommitJob } from '../../src-main/core/enrollments/import-job';
import { storePath } from '../../src-main/core/paths';
import { hashFile } from '../../src-main/pipelines/hash-file';
import type { Store } from '../../src-main/store/store';
import { institutionDate } from '../../src-shared/domain/institution-time';
import { runJobHere } from '../helpers/run-job';
import { addDays } from '../tools/platform/dates';
import type { BenchCase } from './harness';

const ROWS = 10_000;
const CACHE = join(import.meta.dirname, '../../.tmp/bench');
const SHEET = join(CACHE, `enroll-${ROWS}-v1.xlsx`);
const HEADERS = ['姓名', '身份证号', '考试计划', '证书', '证书等级'];
const PLAN = 'BENCH-PLAN';
const people = () => fakePeople(ROWS, 12_000);

async function ensureSheet(): Promise<string> {
  if (existsSync(SHEET)) return SHEET;
  mkdirSync(CACHE, { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: SHEET, useSharedStrings: true });
  const ws = wb.addWorksheet('按证书报考');
  ws.addRow(HEADERS).commit();
  for (const p of people()) ws.addRow([p.name, p.idNumber, PLAN, 'CERT-WL', '初级']).commit();
  ws.commit();
  await wb.commit();
  return SHEET;
}

/**
 * A store ready to enroll today: a plan open for registration with a certificate of two
 * subjects, its approved quota, and the sheet's 10,000 candidates complete (photo, real name).
 * Built once; each run gets a copy.
 */
let template: string | null = null;
async function ensureStore(): Promise<string> {
  if (template) return template;
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-enroll-'));
  const store = await openAndMigrate(dir);
  const today = institutionDate(new Date());
  const w = (a: number, b: number) => ({ start: addDays(today, a), end: addDays(today, b) });
  const windows = { registration: w(-1, 10), ticketPrint: w(11, 12), exam: w(13, 13), scoreEntry: w(20, 21), publicity: w(22, 23) };
  const session = [{ date: windows.exam.start, start: '09:00', end: '10:00' }];
  const subjects = ['098694', '609371'].map((code, i) => ({ subjectCode: code, passScore: 60, weight: 50, sessions: session, durationMinutes: 60 + i }));
  const year = Number(windows.registration.start.slice(0, 4));
  store.db.exec(`
    INSERT INTO organisations VALUES ('ORG-WL', '北京中物联物流采购培训中心');
    INSERT INTO certificates VALUES ('CERT-WL', '物流管理职业技能等级证书', '物流管理', 'ORG-WL', '["初级"]');
    INSERT INTO exam_subjects VALUES ('098694', '基础考核', '机考', 'CERT-WL', '初级', '所有考生', '已启用'), ('609371', '实操考核', '实操', 'CERT-WL', '初级', '所有考生', '已启用');
    INSERT INTO declaration_plans VALUES ('D-1', '山东省', '第一次', '${year}-01-01', '${year}-01-20', 0, 0, '已结束');
  `);
  store.db
    .prepare("INSERT INTO exam_plans VALUES (?, '物流管理考核', 'ORG-WL', '已发布', ?, ?, ?)")
    .run(PLAN, JSON.stringify(windows), windows.registration.start, windows.publicity.end);
  store.db.prepare("INSERT INTO exam_plan_certificates VALUES (?, 'CERT-WL', '初级', 60, 0, ?)").run(PLAN, JSON.stringify(subjects));
  store.db
    .prepare(
      "INSERT INTO declarations (plan_code, year, certificate_code, level, proposed_count, status, approved_count, created_at, updated_at) VALUES ('D-1', ?, 'CERT-WL', '初级', ?, 'approved', ?, 'now', 'now')",
    )
    .run(year, ROWS, ROWS);
  const candidate = store.db.prepare(
    "INSERT INTO candidates (kind, name, name_pinyin, id_number, phone, major, major_level, entry_year, realname_status, created_at, updated_at) VALUES ('school', ?, 'x', ?, ?, ?, ?, ?, 'verified', 'now', 'now')",
  );
  const photo = store.db.prepare("INSERT INTO candidate_photos VALUES (?, x'ffd8ffd9', 'jpeg', 295, 413, 4, 'x', 'red', 'now')");
  store.db.transaction(() => {
    for (const p of people()) photo.run(Number(candidate.run(p.name, p.idNumber, p.phone, p.major, p.majorLevel, p.entryYear).lastInsertRowid));
  })();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  template = dir;
  return dir;
}

interface State {
  dir: string;
  path: string;
  store?: Store;
}

async function fresh(): Promise<State> {
  const [path, from] = await Promise.all([ensureSheet(), ensureStore()]);
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-'));
  copyFileSync(storePath(from), storePath(dir));
  return { dir, path };
}

function drop(state: unknown): void {
  const s = state as State;
  s.store?.close();
  rmSync(s.dir, { recursive: true, force: true });
}

const enrolled = (store: Store) => (store.db.prepare('SELECT count(*) AS n FROM enrollments').get() as { n: number }).n;

export const enrollCases: BenchCase[] = [
  {
    name: 'enroll: exceljs streaming parse + raw inserts, 10,000 rows',
    runs: 5,
    setup: fresh,
    run: async (state) => {
      const s = state as State;
      s.store = await openAndMigrate(s.dir);
      const rows: string[][] = [];
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(s.path, { sharedStrings: 'cache', worksheets: 'emit' });
      for await (const ws of reader) for await (const row of ws) if (row.number > 1) rows.push((row.values as string[]).slice(1));
      const insert = s.store.db.prepare(
        "INSERT INTO enrollments (candidate_id, plan_code, subject_code, paid, created_at, mode) SELECT id, ?, ?, 0, 'now', 'certificate' FROM candidates WHERE id_number = ?",
      );
      s.store.db.transaction(() => {
        for (const r of rows) for (const subject of ['098694', '609371']) insert.run(r[2], subject, r[1]);
      })();
      if (enrolled(s.store) !== 2 * ROWS) throw new Error('baseline wrote the wrong number of rows');
    },
    teardown: drop,
  },
  {
    name: 'enroll: 10,000 candidates by import, validated, committed',
    baseline: 'enroll: exceljs streaming parse + raw inserts, 10,000 rows',
    targetRatio: 1.5,
    budgetMs: 2000,
    runs: 5,
    setup: fresh,
    run: async (state) => {
      const s = state as State;
      await runJobHere(enrollCommitJob, s.dir, { path: s.path, fileName: 'bench.xlsx', sheet: 'certificate', commitHash: await hashFile(s.path) });
      s.store = await openAndMigrate(s.dir);
      const n = enrolled(s.store);
      if (n !== 2 * ROWS) throw new Error(`expected ${2 * ROWS} enrollments, got ${n}`);
    },
    teardown: drop,
  },
];
