import type {
  EnrollmentExportInput,
  EnrollmentFacets,
  EnrollmentFilter,
  EnrollmentPage,
  EnrollmentRow,
  EnrollmentSort,
  EnrollmentSummary,
} from '../../../src-shared/api/enrollments';
import type { CandidateKind } from '../../../src-shared/domain/candidate';
import type { ExamMethod } from '../../../src-shared/domain/catalog';
import type { EnrollMode } from '../../../src-shared/domain/enrollment';
import { pinyinSearchTerm } from '../../../src-shared/domain/pinyin-search';
import type { Store } from '../../store/store';

/**
 * 报考管理's reads: a view of the enrollments (filtered, sorted, a window of it), its counts
 * per plan / certificate / subject, and the choices its filters offer. One subject a row.
 */

const FROM = `FROM enrollments e JOIN candidates c ON c.id = e.candidate_id JOIN exam_subjects s ON s.code = e.subject_code
  JOIN exam_plans p ON p.code = e.plan_code LEFT JOIN certificates ce ON ce.code = s.certificate_code`;

const COLUMNS = `e.id, e.candidate_id, c.name, c.id_number, c.kind, c.major, c.major_level, c.entry_year, e.plan_code, p.name AS plan_name,
  s.certificate_code, coalesce(ce.name, s.certificate_code) AS certificate_name, s.level, e.subject_code, s.name AS subject_name, s.method,
  e.mode, e.paid, e.sent_at, e.created_at`;

// Rows are inserted as they are enrolled: id order is enrollment order (and is the rowid's own).
const ORDER: Record<EnrollmentSort, (dir: string) => string> = {
  createdAt: (d) => `e.id ${d}`,
  name: (d) => `c.name_pinyin ${d}, c.id ${d}, e.plan_code, e.subject_code`,
  idNumber: (d) => `c.id_number ${d}, e.plan_code, e.subject_code`,
  subject: (d) => `e.subject_code ${d}, c.id_number, e.id`,
};

interface ListRecord {
  id: number;
  candidate_id: number;
  name: string;
  id_number: string;
  kind: CandidateKind;
  major: string | null;
  major_level: string | null;
  entry_year: number | null;
  plan_code: string;
  plan_name: string;
  certificate_code: string;
  certificate_name: string;
  level: string;
  subject_code: string;
  subject_name: string;
  method: ExamMethod;
  mode: EnrollMode;
  paid: number;
  sent_at: string | null;
  created_at: string;
}

const toRow = (r: ListRecord): EnrollmentRow => ({
  id: r.id,
  candidateId: r.candidate_id,
  name: r.name,
  idNumber: r.id_number,
  kind: r.kind,
  major: r.major,
  majorLevel: r.major_level,
  entryYear: r.entry_year,
  planCode: r.plan_code,
  planName: r.plan_name,
  certificateCode: r.certificate_code,
  certificateName: r.certificate_name,
  level: r.level,
  subjectCode: r.subject_code,
  subjectName: r.subject_name,
  method: r.method,
  mode: r.mode,
  paid: r.paid === 1,
  sentAt: r.sent_at,
  createdAt: r.created_at,
});

/** The filter as SQL over FROM's names, with its parameters. What is typed is text: LIKE's % and _ are escaped. */
export function whereOf(f: EnrollmentFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const eq = (column: string, value: unknown) => {
    parts.push(`${column} = ?`);
    params.push(value);
  };
  if (f.planCode) eq('e.plan_code', f.planCode);
  if (f.certificateCode) eq('s.certificate_code', f.certificateCode);
  if (f.level) eq('s.level', f.level);
  if (f.subjectCode) eq('e.subject_code', f.subjectCode);
  if (f.paid !== undefined) eq('e.paid', f.paid ? 1 : 0);
  if (f.kind) eq('c.kind', f.kind);
  if (f.major) eq('c.major', f.major);
  if (f.entryYear) eq('c.entry_year', f.entryYear);
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
      either.push('instr(c.id_number, ?) > 0');
      params.push(s.toUpperCase());
    }
    parts.push(`(${either.join(' OR ')})`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function listEnrollments(store: Store, input: EnrollmentFilter & { sort: EnrollmentSort; order: 'asc' | 'desc'; offset: number; limit: number }): EnrollmentPage {
  const { sort, order, offset, limit, ...filter } = input;
  const where = whereOf(filter);
  const total = (store.prepare(`SELECT count(*) AS n ${FROM} ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = store.prepare(`SELECT ${COLUMNS} ${FROM} ${where.sql} ORDER BY ${ORDER[sort](order)} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as ListRecord[];
  return { total, offset, rows: rows.map(toRow) };
}

/** Every row of a view, for its export: in the list's order when one is given, else in enrollment order. */
export function* allEnrollments(store: Store, view: EnrollmentExportInput): Generator<EnrollmentRow> {
  const { sort, order, ...filter } = view;
  const where = whereOf(filter);
  const by = sort ? ORDER[sort](order ?? 'desc') : 'e.id';
  for (const r of store.prepare(`SELECT ${COLUMNS} ${FROM} ${where.sql} ORDER BY ${by}`).iterate(...where.params) as IterableIterator<ListRecord>) yield toRow(r);
}

export function countEnrollments(store: Store, view: EnrollmentFilter): number {
  const where = whereOf(view);
  return (store.prepare(`SELECT count(*) AS n ${FROM} ${where.sql}`).get(...where.params) as { n: number }).n;
}

/** The counts at the top of the list; 人数 per plan and per certificate count each candidate once there. */
export function enrollmentSummary(store: Store, filter: EnrollmentFilter): EnrollmentSummary {
  const where = whereOf(filter);
  const all = <T>(sql: string) => store.prepare(sql).all(...where.params) as T[];
  const totals = store
    .prepare(`SELECT count(*) AS enrollments, count(DISTINCT e.candidate_id) AS candidates, coalesce(sum(e.paid), 0) AS paid ${FROM} ${where.sql}`)
    .get(...where.params) as { enrollments: number; candidates: number; paid: number };
  return {
    ...totals,
    byPlan: all(
      `SELECT e.plan_code AS code, p.name AS name, count(DISTINCT e.candidate_id) AS candidates, count(*) AS enrollments ${FROM} ${where.sql}
       GROUP BY e.plan_code ORDER BY p.registration_start DESC, e.plan_code`,
    ),
    byCertificate: all(
      `SELECT s.certificate_code AS code, coalesce(ce.name, s.certificate_code) AS name, s.level AS level,
         count(DISTINCT e.candidate_id || '/' || e.plan_code) AS candidates, count(*) AS enrollments ${FROM} ${where.sql}
       GROUP BY s.certificate_code, s.level ORDER BY name, CASE s.level WHEN '初级' THEN 1 WHEN '中级' THEN 2 ELSE 3 END`,
    ),
    bySubject: all(
      `SELECT e.subject_code AS code, s.name AS name, coalesce(ce.name, s.certificate_code) AS certificateName, s.level AS level, count(*) AS enrollments ${FROM} ${where.sql}
       GROUP BY e.subject_code ORDER BY certificateName, CASE s.level WHEN '初级' THEN 1 WHEN '中级' THEN 2 ELSE 3 END, e.subject_code`,
    ),
  };
}

/** What the list's filters offer: only what some enrollment has. */
export function enrollmentFacets(store: Store): EnrollmentFacets {
  const rows = <T>(sql: string) => store.prepare(sql).all() as T[];
  const certs = rows<{ code: string; name: string; level: string }>(
    `SELECT DISTINCT s.certificate_code AS code, coalesce(ce.name, s.certificate_code) AS name, s.level AS level
     FROM (SELECT DISTINCT subject_code FROM enrollments) e JOIN exam_subjects s ON s.code = e.subject_code LEFT JOIN certificates ce ON ce.code = s.certificate_code ORDER BY name`,
  );
  const certificates = new Map<string, { code: string; name: string; levels: string[] }>();
  for (const c of certs) {
    const entry = certificates.get(c.code) ?? { code: c.code, name: c.name, levels: [] };
    entry.levels.push(c.level);
    certificates.set(c.code, entry);
  }
  return {
    plans: rows(`SELECT p.code, p.name FROM exam_plans p WHERE p.code IN (SELECT DISTINCT plan_code FROM enrollments) ORDER BY p.registration_start DESC, p.code`),
    certificates: [...certificates.values()],
    subjects: rows(
      `SELECT s.code, s.name, s.certificate_code AS certificateCode, s.level FROM exam_subjects s WHERE s.code IN (SELECT DISTINCT subject_code FROM enrollments) ORDER BY s.certificate_code, s.level, s.code`,
    ),
    majors: rows<{ v: string }>(`SELECT DISTINCT c.major AS v FROM candidates c WHERE c.major IS NOT NULL AND c.id IN (SELECT candidate_id FROM enrollments) ORDER BY v`).map(
      (r) => r.v,
    ),
    entryYears: rows<{ v: number }>(
      `SELECT DISTINCT c.entry_year AS v FROM candidates c WHERE c.entry_year IS NOT NULL AND c.id IN (SELECT candidate_id FROM enrollments) ORDER BY v DESC`,
    ).map((r) => r.v),
  };
}
