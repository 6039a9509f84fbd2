import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { AppCore } from '../../src-main/core/app-core';
import { invokeAs } from '../../src-main/core/dispatch';
import { packageImportJob } from '../../src-main/core/packages/inbound-jobs';
import { storePath } from '../../src-main/core/paths';
import { hashFile } from '../../src-main/pipelines/hash-file';
import { openSqlite, type SqliteDb } from '../../src-main/store/store';
import type { ScoresPayload } from '../../src-shared/domain/score-kinds';
import { finishYearEnd, buildYearEnd, PRINCIPAL_ACTOR, setUpInstitution, YEAR_END_NOW, type YearEnd } from '../fixtures/year-end-store';
import { runJobHere } from '../helpers/run-job';
import type { BenchCase } from './harness';

const CANDIDATES = 10_000;
const ROWS = CANDIDATES * 3;
const PRINCIPAL = { username: 'principal', displayName: '赵校长', password: 'principal-pass-1' };

interface Templates {
  /** Enrolled, the scores package not yet imported. */
  enrolled: string;
  /** Scores, the platform's results and its 发放名单 imported. */
  finished: string;
  year: YearEnd;
}

const open = (dataDir: string) => AppCore.open({ dataDir, transport: 'browser', passwordCost: { N: 2 ** 10 }, now: () => YEAR_END_NOW });

function copyStore(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'examsite-bench-'));
  copyFileSync(storePath(from), storePath(dir));
  return dir;
}

/** The two stores, built once per run (~20 s): each run gets a copy. */
let templates: Promise<Templates> | undefined;
function ensureTemplates(): Promise<Templates> {
  templates ??= (async () => {
    const root = mkdtempSync(join(tmpdir(), 'examsite-bench-year-'));
    // ~150 MB of stores and packages: gone with the run.
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    const enrolled = join(root, 'enrolled');
    const finished = join(root, 'finished');
    const workDir = join(root, 'work');
    mkdirSync(workDir);
    const app = await open(enrolled);
    await setUpInstitution(app, PRINCIPAL);
    const year = await buildYearEnd(app, { workDir, candidates: CANDIDATES });
    app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    await app.close();
    mkdirSync(finished);
    copyFileSync(storePath(enrolled), storePath(finished));
    const done = await open(finished);
    await finishYearEnd(done, year, workDir);
    done.store.db.pragma('wal_checkpoint(TRUNCATE)');
    await done.close();
    return { enrolled, finished, year };
  })();
  return templates;
}

interface ImportState {
  dir: string;
  path: string;
  hash: string;
  planCode: string;
  db?: SqliteDb;
}

async function freshImport(): Promise<ImportState> {
  const t = await ensureTemplates();
  return { dir: copyStore(t.enrolled), path: t.year.scoresZip, hash: await hashFile(t.year.scoresZip), planCode: t.year.planCode };
}

function dropImport(state: unknown): void {
  const s = state as ImportState;
  s.db?.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** One entry of a ZIP, whole, with yauzl (the library the app's reader is built on). */
function readEntry(path: string, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in ${path}`)));
      zip.readEntry();
    });
  });
}

const scoreCount = (db: SqliteDb, planCode: string) => db.prepare('SELECT count(*) FROM scores WHERE plan_code = ?').pluck().get(planCode) as number;

/** An app on a copy of the finished store; the call measured, not the opening. */
interface ReadState {
  dir: string;
  app: AppCore;
  planCode: string;
}

async function freshRead(): Promise<ReadState> {
  const t = await ensureTemplates();
  const dir = copyStore(t.finished);
  return { dir, app: await open(dir), planCode: t.year.planCode };
}

async function dropRead(state: unknown): Promise<void> {
  const s = state as ReadState;
  await s.app.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** A read of the home page or a workflow page on the finished store. */
function readCase(name: string, budgetMs: number, run: (s: ReadState) => Promise<void>): BenchCase {
  return { name, budgetMs, runs: 7, setup: freshRead, run: (state) => run(state as ReadState), teardown: dropRead };
}

export const yearEndCases: BenchCase[] = [
  {
    name: 'year end: yauzl + JSON.parse + raw score inserts, 30,000 rows',
    runs: 5,
    setup: freshImport,
    run: async (state) => {
      const s = state as ImportState;
      // The app's own connection settings (WAL, synchronous=FULL): the same cost of a commit.
      s.db = openSqlite(storePath(s.dir));
      const payload = JSON.parse((await readEntry(s.path, 'payload/scores.json')).toString('utf8')) as ScoresPayload;
      const insert = s.db.prepare(
        `INSERT INTO scores (enrollment_id, plan_code, subject_code, score, absent, issued_at, received_at)
           SELECT e.id, e.plan_code, e.subject_code, ?, ?, ?, ? FROM enrollments e JOIN candidates c ON c.id = e.candidate_id
            WHERE c.id_number = ? AND e.plan_code = ? AND e.subject_code = ?`,
      );
      const at = new Date().toISOString();
      s.db.transaction(() => {
        for (const b of payload.scores) for (const e of b.entries) insert.run(e.absent ? null : e.score, e.absent ? 1 : 0, b.issuedAt, at, e.idNumber, b.planCode, b.subjectCode);
      })();
      if (scoreCount(s.db, s.planCode) !== ROWS) throw new Error('baseline wrote the wrong number of rows');
    },
    teardown: dropImport,
  },
  {
    name: 'year end: scores package import, 10,000 × 3 subjects',
    baseline: 'year end: yauzl + JSON.parse + raw score inserts, 30,000 rows',
    targetRatio: 1.5,
    budgetMs: 2000,
    runs: 5,
    setup: freshImport,
    run: async (state) => {
      const s = state as ImportState;
      const r = await runJobHere(packageImportJob, s.dir, { path: s.path, fileName: 'scores.zip', fileId: 'bench', expectedHash: s.hash });
      if (!r.applied) throw new Error(r.message);
      s.db = openSqlite(storePath(s.dir));
      const n = scoreCount(s.db, s.planCode);
      if (n !== ROWS) throw new Error(`expected ${ROWS} scores, got ${n}`);
    },
    teardown: dropImport,
  },
  readCase('year end: results.check, 10,000 candidates', 500, async (s) => {
    const r = await invokeAs(s.app, PRINCIPAL_ACTOR, 'results.check', { planCode: s.planCode });
    if (r.computed !== CANDIDATES) throw new Error(`expected ${CANDIDATES} results, got ${r.computed}`);
  }),
  readCase('year end: results.view first page, 10,000 candidates', 500, async (s) => {
    const r = await invokeAs(s.app, PRINCIPAL_ACTOR, 'results.view', { planCode: s.planCode, filter: 'all', page: 1, pageSize: 50 });
    if (r.counts.computed !== CANDIDATES) throw new Error(`expected ${CANDIDATES} results, got ${r.counts.computed}`);
  }),
  readCase('year end: stats.plan, 10,000 candidates', 300, async (s) => {
    const r = await invokeAs(s.app, PRINCIPAL_ACTOR, 'stats.plan', { planCode: s.planCode, binWidth: 10 });
    if (r.scores.enrolled !== ROWS) throw new Error(`expected ${ROWS} enrolled subjects, got ${r.scores.enrolled}`);
  }),
  readCase('year end: yearboard.get (home page), 10,000 candidates', 200, async (s) => {
    const r = await invokeAs(s.app, PRINCIPAL_ACTOR, 'yearboard.get', {});
    if (!r.steps.find((x) => x.key === 'issuance')?.summary.includes('证书发放名单')) throw new Error('the 发证 step does not count the list');
  }),
  readCase('year end: issuance.list, 10,000 candidates', 500, async (s) => {
    const r = await invokeAs(s.app, PRINCIPAL_ACTOR, 'issuance.list', {});
    if (r.rows.length === 0) throw new Error('the 发放名单 is empty');
  }),
];
