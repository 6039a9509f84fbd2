import type { CandidateScores, ScoreDispute, ScoreFilter, ScorePage, ScorePlanRow, ScoreRevision, ScoreRow, ScoreSort } from '../../../src-shared/api/scores';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { pinyinSearchTerm } from '../../../src-shared/domain/pinyin-search';
import { SCORE_STAGE_LABELS, type DisputeClosedReason, type ScoreStage } from '../../../src-shared/domain/scores';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { readSettings } from '../settings/settings-service';
import { planScoreState, type PlanScoreState } from './score-lock';

/**
 * 科目成绩's reads: one row an enrolled subject of a candidate, with its score once the platform
 * sent it, its latest 有异议 flag and its earlier values. Lists are windows of a view the server
 * filters and sorts, like the candidate and enrollment lists, so a plan of 10,000 candidates ×
 * their subjects stays fast.
 */

/** What a view filters and sorts on: a score and a seat at most per enrollment, so no join multiplies rows. */
const KEYS_FROM = `FROM enrollments e JOIN candidates c ON c.id = e.candidate_id LEFT JOIN scores sc ON sc.enrollment_id = e.id LEFT JOIN schedule_seats t ON t.enrollment_id = e.id`;
const FROM = `${KEYS_FROM} JOIN exam_subjects s ON s.code = e.subject_code`;

const COLUMNS = `e.id AS enrollment_id, sc.id AS score_id, c.id AS candidate_id, c.name, c.id_number, t.ticket_number, e.subject_code, s.name AS subject_name,
  sc.score, sc.absent, sc.issued_at`;

const ORDER: Record<ScoreSort, (dir: string) => string> = {
  subject: (d) => `e.subject_code ${d}, t.ticket_number, c.id_number`,
  name: (d) => `c.name_pinyin ${d}, c.id ${d}, e.subject_code`,
  idNumber: (d) => `c.id_number ${d}, e.subject_code`,
  // Absent and unscored rows after every score, whichever way.
  score: (d) => `sc.id IS NULL, sc.absent, sc.score ${d}, e.subject_code, c.id_number`,
};

interface ScoreRecord {
  enrollment_id: number;
  score_id: number | null;
  candidate_id: number;
  name: string;
  id_number: string;
  ticket_number: string | null;
  subject_code: string;
  subject_name: string;
  score: number | null;
  absent: number | null;
  issued_at: string | null;
}

/** Each score's latest flag and its earlier values, for a page of rows in two queries. */
function extrasOf(store: Store, scoreIds: number[]): { disputes: Map<number, ScoreDispute>; history: Map<number, ScoreRevision[]> } {
  const ids = JSON.stringify(scoreIds);
  const disputes = new Map<number, ScoreDispute>();
  const flagged = store
    .prepare(
      `SELECT id, score_id, note, flagged_at, flagged_by_name, sent_at, closed_at, closed_reason FROM score_disputes
        WHERE score_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(ids) as {
    id: number;
    score_id: number;
    note: string;
    flagged_at: string;
    flagged_by_name: string;
    sent_at: string | null;
    closed_at: string | null;
    closed_reason: DisputeClosedReason | null;
  }[];
  for (const d of flagged)
    disputes.set(d.score_id, {
      id: d.id,
      note: d.note,
      flaggedAt: d.flagged_at,
      flaggedBy: d.flagged_by_name,
      sentAt: d.sent_at,
      open: d.closed_at === null,
      closedAt: d.closed_at,
      closedReason: d.closed_reason,
    });
  const history = new Map<number, ScoreRevision[]>();
  const revisions = store
    .prepare('SELECT score_id, score, absent, issued_at, replaced_at FROM score_revisions WHERE score_id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(ids) as { score_id: number; score: number | null; absent: number; issued_at: string; replaced_at: string }[];
  for (const r of revisions) {
    const list = history.get(r.score_id) ?? [];
    list.push({ score: r.score, absent: r.absent === 1, issuedAt: r.issued_at, replacedAt: r.replaced_at });
    history.set(r.score_id, list);
  }
  return { disputes, history };
}

function toRows(store: Store, records: ScoreRecord[], stage: ScoreStage): ScoreRow[] {
  const rule = readSettings(store).idMaskRule;
  const { disputes, history } = extrasOf(
    store,
    records.flatMap((r) => (r.score_id === null ? [] : [r.score_id])),
  );
  return records.map((r) => ({
    enrollmentId: r.enrollment_id,
    scoreId: r.score_id,
    candidateId: r.candidate_id,
    name: r.name,
    idNumber: maskIdNumber(r.id_number, rule),
    ticketNumber: r.ticket_number,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    score: r.score,
    absent: r.absent === 1,
    issuedAt: r.issued_at,
    status: r.score_id === null ? '未出成绩' : SCORE_STAGE_LABELS[stage],
    dispute: r.score_id === null ? null : (disputes.get(r.score_id) ?? null),
    history: r.score_id === null ? [] : (history.get(r.score_id) ?? []),
  }));
}

/** The plan as a read meets it (locked first when its 公示 has ended), or NOT_FOUND. */
export function scorePlan(call: CallContext, planCode: string): PlanScoreState {
  const plan = planScoreState(call.app.store, planCode, call.app.now());
  if (!plan) throw new AppError('NOT_FOUND', `找不到考试计划 ${planCode.slice(0, 40)}。`);
  // The lock is the clock's doing, audited as the system's: it is this call's write all the same.
  if (plan.justLocked) call.audited++;
  return plan;
}

function whereOf(f: ScoreFilter): { sql: string; params: unknown[] } {
  const parts = ['e.plan_code = ?'];
  const params: unknown[] = [f.planCode];
  if (f.subjectCode) {
    parts.push('e.subject_code = ?');
    params.push(f.subjectCode);
  }
  if (f.disputed) parts.push('EXISTS (SELECT 1 FROM score_disputes d WHERE d.score_id = sc.id AND d.closed_at IS NULL)');
  if (f.search) {
    const s = f.search.trim();
    const either = ["c.name LIKE ? ESCAPE '\\'"];
    params.push(`%${s.replace(/[\\%_]/g, '\\$&')}%`);
    const pinyin = pinyinSearchTerm(s);
    if (pinyin) {
      either.push('c.pinyin_key LIKE ?');
      params.push(`%${pinyin}%`);
    }
    if (/^[0-9xX]+$/.test(s)) {
      either.push('instr(c.id_number, ?) > 0', 'instr(t.ticket_number, ?) > 0');
      params.push(s.toUpperCase(), s);
    }
    parts.push(`(${either.join(' OR ')})`);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

export function listScores(call: CallContext, input: ScoreFilter & { sort: ScoreSort; order: 'asc' | 'desc'; offset: number; limit: number }): ScorePage {
  const { store } = call.app;
  const plan = scorePlan(call, input.planCode);
  const { sort, order, offset, limit, ...filter } = input;
  const where = whereOf(filter);
  // Without a search or the 有异议 filter the count needs the enrollments alone.
  const countFrom = filter.search || filter.disputed ? KEYS_FROM : 'FROM enrollments e';
  const total = (store.prepare(`SELECT count(*) AS n ${countFrom} ${where.sql}`).get(...where.params) as { n: number }).n;
  // The window's ids first: SQLite's sorter carries every selected column, so 30,000 ids sort far faster than 30,000 rows.
  const ids = store
    .prepare(`SELECT e.id ${KEYS_FROM} ${where.sql} ORDER BY ${ORDER[sort](order)} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...where.params, limit, offset) as number[];
  const byId = new Map(
    (store.prepare(`SELECT ${COLUMNS} ${FROM} WHERE e.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ScoreRecord[]).map((r) => [r.enrollment_id, r]),
  );
  return {
    total,
    offset,
    rows: toRows(
      store,
      ids.map((id) => byId.get(id)!),
      plan.stage,
    ),
  };
}

/** Every row of a plan (or one subject of it), in subject and ticket order: the command line's list. */
export function allScores(call: CallContext, planCode: string, subjectCode?: string): { plan: PlanScoreState; rows: (ScoreRow & { fullIdNumber: string })[] } {
  const { store } = call.app;
  const plan = scorePlan(call, planCode);
  const where = whereOf({ planCode, ...(subjectCode ? { subjectCode } : {}) });
  const records = store.prepare(`SELECT ${COLUMNS} ${FROM} ${where.sql} ORDER BY ${ORDER.subject('asc')}`).all(...where.params) as ScoreRecord[];
  const rows = toRows(store, records, plan.stage);
  return { plan, rows: rows.map((r, i) => ({ ...r, fullIdNumber: records[i]!.id_number })) };
}

/** One candidate's subjects of the plan, each with its score: the drawer. */
export function candidateScores(call: CallContext, input: { planCode: string; candidateId: number }): CandidateScores {
  const { store } = call.app;
  const plan = scorePlan(call, input.planCode);
  const records = store
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE e.plan_code = ? AND e.candidate_id = ? ORDER BY e.subject_code`)
    .all(plan.code, input.candidateId) as ScoreRecord[];
  if (!records.length) throw new AppError('NOT_FOUND', `这位考生没有报考考试计划“${plan.name}”。`);
  const rows = toRows(store, records, plan.stage);
  return {
    planCode: plan.code,
    planName: plan.name,
    stage: plan.stage,
    stageLabel: SCORE_STAGE_LABELS[plan.stage],
    candidateId: input.candidateId,
    name: rows[0]!.name,
    idNumber: rows[0]!.idNumber,
    rows,
  };
}

/** One row by its score, as it stands now (after a flag or a withdrawal). */
export function scoreRow(store: Store, scoreId: number, stage: ScoreStage): ScoreRow | undefined {
  const records = store.prepare(`SELECT ${COLUMNS} ${FROM} WHERE sc.id = ?`).all(scoreId) as ScoreRecord[];
  return toRows(store, records, stage)[0];
}

/** The plans anyone is enrolled in, newest first, each with its windows, stage and counts. */
export function scorePlans(call: CallContext): ScorePlanRow[] {
  const { store } = call.app;
  const codes = store
    .prepare('SELECT p.code FROM exam_plans p WHERE p.code IN (SELECT DISTINCT plan_code FROM enrollments) ORDER BY p.registration_start DESC, p.code')
    .pluck()
    .all() as string[];
  const counts = store.prepare(
    `SELECT e.subject_code AS code, s.name, count(*) AS enrolled, count(sc.id) AS scored, coalesce(sum(sc.absent), 0) AS absent
       FROM enrollments e LEFT JOIN scores sc ON sc.enrollment_id = e.id JOIN exam_subjects s ON s.code = e.subject_code
      WHERE e.plan_code = ? GROUP BY e.subject_code ORDER BY e.subject_code`,
  );
  // Open flags are few: counted from their own partial index, not joined to every enrollment.
  const disputes = store.prepare(
    `SELECT count(*) AS open, coalesce(sum(d.sent_at IS NULL), 0) AS unsent FROM score_disputes d JOIN scores s ON s.id = d.score_id
      WHERE d.closed_at IS NULL AND s.plan_code = ?`,
  );
  return codes.map((code) => {
    const plan = scorePlan(call, code);
    const subjects = counts.all(code) as (ScorePlanRow['subjects'][number] & { absent: number })[];
    const flags = disputes.get(code) as { open: number; unsent: number };
    const sum = (k: 'enrolled' | 'scored' | 'absent') => subjects.reduce((n, s) => n + s[k], 0);
    return {
      code,
      name: plan.name,
      scoreEntry: plan.windows.scoreEntry,
      publicity: plan.windows.publicity,
      stage: plan.stage,
      stageLabel: SCORE_STAGE_LABELS[plan.stage],
      lockedAt: plan.lockedAt,
      enrolled: sum('enrolled'),
      scored: sum('scored'),
      absent: sum('absent'),
      disputesOpen: flags.open,
      disputesUnsent: flags.unsent,
      subjects: subjects.map((s) => ({ code: s.code, name: s.name, enrolled: s.enrolled, scored: s.scored })),
    };
  });
}
