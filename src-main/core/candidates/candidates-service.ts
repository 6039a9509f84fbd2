import { sql, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { CandidateExportInput, candidateFilter, candidateInput, candidateListInput, CandidatePage, CandidateRow } from '../../../src-shared/api/candidates';
import { checkCandidateIdNumber, checkEntryYear, checkName, checkPhone, checkPinyin, realnameConfirmRefusal, type CandidateKind } from '../../../src-shared/domain/candidate';
import { pinyinSearchTerm } from '../../../src-shared/domain/pinyin-search';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { DB } from '../../store/schema';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { changeIdNumber, insertCandidate, loadCandidate, markRealnameConfirmed, removeCandidate, toCandidate, toRow, updateCandidateFields } from './candidate-store';
import type { CandidateValues } from './import-rows';

/**
 * The SQL twin of `missingForEnrollment` (src-shared/domain/candidate.ts): the list filters on
 * it at 50,000 rows, where checking in JS would be too slow. A test keeps the two in step.
 */
export const COMPLETE_SQL = `(c.name_pinyin <> '' AND c.phone IS NOT NULL
  AND (c.kind = 'social' OR (c.major IS NOT NULL AND c.major_level IS NOT NULL AND c.entry_year IS NOT NULL))
  AND c.realname_status IN ('verified', 'confirmed') AND p.candidate_id IS NOT NULL)`;

type ListInput = z.infer<typeof candidateListInput>;
type Filter = z.infer<typeof candidateFilter>;

/** The candidates with their photo, if any, as `c` and `p` (the names COMPLETE_SQL uses). */
const withPhotos = (q: Kysely<DB>) => q.selectFrom('candidates as c').leftJoin('candidate_photos as p', 'p.candidate_id', 'c.id');
type WithPhotos = ReturnType<typeof withPhotos>;
type Eb = WithPhotos extends SelectQueryBuilder<infer D, infer T, object> ? ExpressionBuilder<D, T> : never;

const SORT_COLUMNS = {
  name: 'c.name_pinyin',
  namePinyin: 'c.name_pinyin',
  idNumber: 'c.id_number',
  major: 'c.major',
  entryYear: 'c.entry_year',
  updatedAt: 'c.updated_at',
} as const satisfies Record<ListInput['sort'], string>;

function whereOf(eb: Eb, f: Filter, options: { scan?: boolean } = {}): Expression<SqlBool> {
  // `+` keeps SQLite off the kind indexes: a search tests every row anyway, and reading the
  // table in order beats an index walk with a row lookup each (a count of 50,000: 43 → 21 ms).
  const parts: Expression<SqlBool>[] = [options.scan ? eb(sql`+${eb.ref('c.kind')}`, '=', f.kind) : eb('c.kind', '=', f.kind)];
  if (f.search) {
    const s = f.search.trim();
    const squashed = s.toLowerCase().replace(/\s+/g, '');
    // Only the columns the text could occur in: a search runs on every keystroke over up to
    // 50,000 rows, and a name in characters never matches pinyin, an ID number or a phone.
    // What is typed is text: LIKE's % and _ are escaped. Pinyin, whole or its initials, is one
    // stored key (pinyin-search.ts), already plain letters: no function runs per row.
    const like = (t: string) => `%${t.replace(/[\\%_]/g, '\\$&')}%`;
    const either = [sql<SqlBool>`${eb.ref('c.name')} LIKE ${like(s)} ESCAPE '\\'`];
    const pinyin = pinyinSearchTerm(s);
    if (pinyin) either.push(sql<SqlBool>`${eb.ref('c.pinyin_key')} LIKE ${`%${pinyin}%`}`);
    if (/^[0-9x]+$/.test(squashed)) either.push(sql<SqlBool>`instr(${eb.ref('c.id_number')}, ${s.toUpperCase()}) > 0`);
    if (/^[0-9]+$/.test(s)) either.push(sql<SqlBool>`instr(${eb.ref('c.phone')}, ${s}) > 0`);
    parts.push(eb.or(either));
  }
  if (f.major) parts.push(eb('c.major', '=', f.major));
  if (f.majorLevel) parts.push(eb('c.major_level', '=', f.majorLevel));
  if (f.entryYear) parts.push(eb('c.entry_year', '=', f.entryYear));
  if (f.hasPhoto !== undefined) parts.push(eb('p.candidate_id', f.hasPhoto ? 'is not' : 'is', null));
  if (f.realnameStatus) parts.push(eb('c.realname_status', '=', f.realnameStatus));
  if (f.complete !== undefined) parts.push(f.complete ? sql.raw<SqlBool>(COMPLETE_SQL) : eb.not(sql.raw<SqlBool>(COMPLETE_SQL)));
  return eb.and(parts);
}

/** The rows with what the list shows of their photo: 1 when there is one. */
const candidatesWithPhotoFlag = (q: Kysely<DB>) =>
  withPhotos(q)
    .selectAll('c')
    .select((eb) => eb('p.candidate_id', 'is not', null).$castTo<0 | 1>().as('has_photo'));

/**
 * The two statements a list page runs: its count and its rows. One index answers sort and
 * tie-breaker (a test explains both for every sort): rows of one import share updated_at and
 * keep the file's order (id ascending) under "newest first"; other sorts break ties the same way they run.
 */
export function candidateListQueries(q: Kysely<DB>, input: ListInput) {
  const dir = input.order;
  const tie = input.sort === 'updatedAt' ? (dir === 'asc' ? 'desc' : 'asc') : dir;
  return {
    count: withPhotos(q)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => whereOf(eb, input, { scan: Boolean(input.search) })),
    page: candidatesWithPhotoFlag(q)
      .where((eb) => whereOf(eb, input))
      .orderBy(SORT_COLUMNS[input.sort], dir)
      .orderBy('c.id', tie)
      .limit(input.limit)
      .offset(input.offset),
  };
}

export function listCandidates(store: Store, input: ListInput): CandidatePage {
  const { count, page } = candidateListQueries(store.q, input);
  const total = store.get(count)!.n;
  const rows = store.all(page);
  return { total, offset: input.offset, rows: rows.map((r) => toRow(toCandidate(r, r.has_photo === 1))) };
}

/** Every row of a filtered view, for its export: in the list's order when one is given (its default direction too), else in import order. */
export function allCandidates(store: Store, view: Filter & Pick<CandidateExportInput, 'sort' | 'order'>): CandidateRow[] {
  const { sort, order, ...filter } = view;
  const query = candidatesWithPhotoFlag(store.q).where((eb) => whereOf(eb, filter));
  const dir = order ?? 'desc';
  const rows = store.all(sort ? query.orderBy(SORT_COLUMNS[sort], dir).orderBy('c.id', sort === 'updatedAt' ? (dir === 'asc' ? 'desc' : 'asc') : dir) : query.orderBy('c.id'));
  return rows.map((r) => toRow(toCandidate(r, r.has_photo === 1)));
}

export function candidateFacets(store: Store, kind: CandidateKind): { majors: string[]; majorLevels: string[]; entryYears: number[] } {
  const distinct = <T>(col: string) =>
    (store.prepare(`SELECT DISTINCT ${col} AS v FROM candidates WHERE kind = ? AND ${col} IS NOT NULL ORDER BY ${col}`).all(kind) as { v: T }[]).map((r) => r.v);
  return { majors: distinct<string>('major'), majorLevels: distinct<string>('major_level'), entryYears: distinct<number>('entry_year') };
}

export function getCandidate(store: Store, id: number): CandidateRow {
  const c = loadCandidate(store, id);
  if (!c) throw new AppError('NOT_FOUND', '找不到该考生，可能已被删除。');
  return c;
}

type FormInput = z.output<typeof candidateInput>;

/** The form's values through the same rules as a spreadsheet row; the first problem names its field. */
function validateForm(input: FormInput, today: string): CandidateValues {
  const fail = (field: string, message: string): never => {
    throw new AppError('VALIDATION', message, { issues: [{ path: field, message }] });
  };
  const name = checkName(input.name);
  if (!name.ok) return fail('name', name.problem.message);
  const id = checkCandidateIdNumber(input.idNumber, today);
  if (!id.ok) return fail('idNumber', id.problem.message);
  const phone = checkPhone(input.phone);
  if (!phone.ok) return fail('phone', phone.problem.message);
  const pinyin = checkPinyin(name.value, input.namePinyin ?? '');
  if (!pinyin.ok) return fail('namePinyin', pinyin.problem.message);
  const values: CandidateValues = {
    name: name.value,
    namePinyin: pinyin.value,
    idNumber: id.value,
    phone: phone.value,
    major: null,
    majorLevel: null,
    entryYear: null,
    education: null,
    employer: null,
  };
  if (input.kind === 'school') {
    if (!input.major?.trim()) fail('major', '请填写就读专业');
    if (!input.majorLevel?.trim()) fail('majorLevel', '请选择专业层次');
    const year = checkEntryYear(input.entryYear ?? '', Number(today.slice(0, 4)));
    if (!year.ok) return fail('entryYear', year.problem.message);
    Object.assign(values, { major: input.major!.trim(), majorLevel: input.majorLevel!.trim(), entryYear: year.value });
  } else {
    Object.assign(values, { education: input.education?.trim() || null, employer: input.employer?.trim() || null });
  }
  return values;
}

export function createCandidate(call: CallContext, input: FormInput): CandidateRow {
  const { store } = call.app;
  const now = call.app.now();
  const values = validateForm(input, institutionDate(now));
  return store.tx(() => {
    const existing = store.get(store.q.selectFrom('candidates').select(['id', 'name']).where('id_number', '=', values.idNumber));
    if (existing)
      throw new AppError('CONFLICT', `身份证号 ${values.idNumber} 已登记为考生“${existing.name}”。考生信息只需导入一次。`, {
        issues: [{ path: 'idNumber', message: '身份证号已存在' }],
      });
    const id = insertCandidate(store, input.kind, values, now.toISOString());
    const row = getCandidate(store, id);
    writeAudit(call, { operation: 'candidates.create', entityType: 'candidate', entityId: id, after: values });
    return row;
  });
}

export function updateCandidate(call: CallContext, input: FormInput & { id: number }): CandidateRow {
  const { store } = call.app;
  const now = call.app.now();
  const values = validateForm(input, institutionDate(now));
  return store.tx(() => {
    const before = getCandidate(store, input.id);
    if (before.kind !== input.kind) throw new AppError('VALIDATION', '不能改变考生类别（院校考生 / 社会考生）。');
    if (before.idNumber !== values.idNumber) {
      const other = store.get(store.q.selectFrom('candidates').select('name').where('id_number', '=', values.idNumber));
      if (other) throw new AppError('CONFLICT', `身份证号 ${values.idNumber} 已属于考生“${other.name}”。`, { issues: [{ path: 'idNumber', message: '身份证号已存在' }] });
    }
    const changed = Object.fromEntries(
      (Object.keys(values) as (keyof CandidateValues)[]).filter((k) => values[k] !== (before as unknown as Record<string, unknown>)[k]).map((k) => [k, values[k]]),
    ) as Partial<CandidateValues>;
    if (values.idNumber !== before.idNumber) changeIdNumber(store, input.id, values.idNumber);
    updateCandidateFields(store, input.id, changed, now.toISOString());
    const after = getCandidate(store, input.id);
    writeAudit(call, {
      operation: 'candidates.update',
      entityType: 'candidate',
      entityId: input.id,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Record<string, unknown>)[k]])),
      after: changed,
    });
    return after;
  });
}

export function deleteCandidate(call: CallContext, id: number): { ok: true } {
  const { store } = call.app;
  store.tx(() => {
    const before = getCandidate(store, id);
    try {
      removeCandidate(store, id);
    } catch (e) {
      // Enrolments reference candidates with ON DELETE RESTRICT: the database itself refuses
      // (SQLite reports a RESTRICT action as SQLITE_CONSTRAINT_TRIGGER, not _FOREIGNKEY).
      if (/FOREIGN KEY constraint failed/.test((e as Error).message)) throw new AppError('STATE', `考生“${before.name}”已有报考记录，不能删除。`);
      throw e;
    }
    writeAudit(call, { operation: 'candidates.delete', entityType: 'candidate', entityId: id, before });
  });
  return { ok: true };
}

export function confirmRealname(call: CallContext, id: number): CandidateRow {
  const { store } = call.app;
  return store.tx(() => {
    const before = getCandidate(store, id);
    const refusal = realnameConfirmRefusal(before);
    if (refusal) throw new AppError('STATE', refusal);
    markRealnameConfirmed(store, id, call.actor.name, call.app.now().toISOString());
    const after = getCandidate(store, id);
    writeAudit(call, {
      operation: 'realname.confirm',
      entityType: 'candidate',
      entityId: id,
      before: { realnameStatus: before.realnameStatus, reason: before.realnameReason },
      after: { realnameStatus: after.realnameStatus },
    });
    return after;
  });
}

export function candidateSummary(store: Store): Record<CandidateKind, { total: number; incomplete: number; noPhoto: number; realnameFailed: number }> {
  const row = (kind: CandidateKind) =>
    store.get(
      withPhotos(store.q)
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          sql<number | null>`sum(NOT ${sql.raw(COMPLETE_SQL)})`.as('incomplete'),
          sql<number | null>`sum(${eb.ref('p.candidate_id')} IS NULL)`.as('noPhoto'),
          sql<number | null>`sum(${eb.ref('c.realname_status')} = 'failed')`.as('realnameFailed'),
        ])
        .where('c.kind', '=', kind),
    )!;
  const fix = (r: ReturnType<typeof row>) => ({ total: r.total, incomplete: r.incomplete ?? 0, noPhoto: r.noPhoto ?? 0, realnameFailed: r.realnameFailed ?? 0 });
  return { school: fix(row('school')), social: fix(row('social')) };
}
