import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openAndMigrate } from '../../src-main/core/app-core';
import { candidateCommitJob } from '../../src-main/core/candidates/import-job';
import { fakePeople } from '../../src-main/core/demo/fake-people';
import { hashFile } from '../../src-main/pipelines/hash-file';
import type { Store } from '../../src-main/store/store';
import { runJobHere } from '../helpers/run-job';
import type { BenchCase } from './harness';

const ROWS = 10_000;
const CACHE = join(import.meta.dirname, '../../.tmp/bench');
const SHEET = join(CACHE, `candidates-${ROWS}-v1.xlsx`);
const HEADERS = ['姓名', '姓名拼音', '身份证号', '手机号', '就读专业', '专业层次', '入学年份'];

async function ensureSheet(): Promise<string> {
  if (existsSync(SHEET)) return SHEET;
  mkdirSync(CACHE, { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: SHEET, useSharedStrings: true });
  const ws = wb.addWorksheet('考生');
  ws.addRow(HEADERS).commit();
  for (const p of fakePeople(ROWS, 10_000)) ws.addRow([p.name, '', p.idNumber, p.phone, p.major, p.majorLevel, p.entryYear]).commit();
  ws.commit();
  await wb.commit();
  return SHEET;
}

interface State {
  dir: string;
  store: Store;
  path: string;
}

async function fresh(): Promise<State> {
  const path = await ensureSheet();
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-'));
  return { dir, store: await openAndMigrate(dir), path };
}

function drop(state: unknown): void {
  const s = state as State;
  s.store.close();
  rmSync(s.dir, { recursive: true, force: true });
}

export const candidateCases: BenchCase[] = [
  {
    name: 'candidates: exceljs streaming parse + raw inserts, 10,000 rows',
    runs: 5,
    setup: fresh,
    run: async (state) => {
      const { store, path } = state as State;
      const rows: (string | number)[][] = [];
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit' });
      for await (const ws of reader) for await (const row of ws) if (row.number > 1) rows.push((row.values as (string | number)[]).slice(1));
      const insert = store.db.prepare(
        "INSERT INTO candidates (kind, name, name_pinyin, id_number, phone, major, major_level, entry_year, created_at, updated_at) VALUES ('school', ?, '', ?, ?, ?, ?, ?, 'now', 'now')",
      );
      store.db.transaction(() => {
        for (const r of rows) insert.run(r[0], String(r[2]), String(r[3]), r[4], r[5], r[6]);
      })();
    },
    teardown: drop,
  },
  {
    name: 'candidates: import 10,000 rows from xlsx, validated, committed',
    baseline: 'candidates: exceljs streaming parse + raw inserts, 10,000 rows',
    targetRatio: 1.5,
    budgetMs: 2000,
    runs: 5,
    setup: fresh,
    run: async (state) => {
      const { dir, path, store } = state as State;
      store.close();
      await runJobHere(candidateCommitJob, dir, { path, fileName: 'bench.xlsx', kind: 'school', mode: 'create', commitHash: await hashFile(path) });
      (state as State).store = await openAndMigrate(dir);
      const n = ((state as State).store.db.prepare('SELECT count(*) AS n FROM candidates').get() as { n: number }).n;
      if (n !== ROWS) throw new Error(`expected ${ROWS} candidates, got ${n}`);
    },
    teardown: drop,
  },
];
