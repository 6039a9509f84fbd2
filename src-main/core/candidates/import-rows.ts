import type { ImportCounts, ImportIssue } from '../../../src-shared/api/candidates';
import {
  checkCandidateIdNumber,
  checkEntryYear,
  checkName,
  checkPhone,
  checkPinyin,
  isKnownMajorLevel,
  type Candidate,
  type CandidateKind,
} from '../../../src-shared/domain/candidate';
import { CANDIDATE_COLUMNS, type CandidateColumn, type CandidateField } from '../../../src-shared/domain/candidate-columns';
import { excerpt } from '../../../src-shared/excerpt';
import { cellText, findHeaderRow, type HeaderMap as SheetHeader } from '../../pipelines/xlsx/sheet-header';
import type { Sheet, SheetRow } from '../../pipelines/xlsx/sheet-reader';

/**
 * The rules of a candidate spreadsheet, row by row: no I/O here, so the preview and the commit
 * (and the tests) judge every row the same way. Issues carry the Excel row number and the
 * template's column name.
 */
/** The fields a row (or the form) gives a candidate. */
export type CandidateValues = Pick<Candidate, 'name' | 'namePinyin' | 'idNumber' | 'phone' | 'major' | 'majorLevel' | 'entryYear' | 'education' | 'employer'>;

export interface ExistingCandidate extends CandidateValues {
  id: number;
  kind: CandidateKind;
}

export type RowStatus = 'new' | 'updated' | 'unchanged' | 'refused';

export interface RowOutcome {
  row: number;
  status: RowStatus;
  values: CandidateValues | null;
  /** For updates: only the fields that change, with what they were. */
  changes: { field: CandidateField; header: string; old: unknown; new: unknown }[];
  existingId: number | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The raw cells, for the refused-rows workbook. */
  raw: string[];
}

export interface ImportContext {
  kind: CandidateKind;
  mode: 'create' | 'update';
  existing: Map<string, ExistingCandidate>;
  /** The institution's majors list (from the platform's catalog); empty = unchecked. */
  majors: Set<string>;
  currentYear: number;
  today: string;
}

export type HeaderMap = SheetHeader<CandidateColumn>;

const FIELD_HEADERS = (kind: CandidateKind) => new Map(CANDIDATE_COLUMNS[kind].map((c) => [c.field, c.header]));

/** Finds the header row (under a title row if need be) and which column holds what. */
export function findHeader(sheet: Sheet, kind: CandidateKind, fileLabel: string): HeaderMap {
  return findHeaderRow(sheet, CANDIDATE_COLUMNS[kind], fileLabel);
}

/** Judges every data row; duplicates inside the file are refused at their second appearance. */
export function judgeRows(sheet: Sheet, header: HeaderMap, ctx: ImportContext): RowOutcome[] {
  const headers = FIELD_HEADERS(ctx.kind);
  const seen = new Map<string, number>();
  const out: RowOutcome[] = [];
  const width = Math.max(...header.columns.map((c) => c.index)) + 1;
  for (const row of sheet.rows) {
    if (row.rowNumber <= header.headerRow) continue;
    out.push(judgeRow(row, header, ctx, headers, seen, width));
  }
  return out;
}

function judgeRow(row: SheetRow, header: HeaderMap, ctx: ImportContext, headers: Map<CandidateField, string>, seen: Map<string, number>, width: number): RowOutcome {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const issue = (list: ImportIssue[], field: CandidateField, code: string, message: string) => list.push({ row: row.rowNumber, column: headers.get(field)!, code, message });
  const cell = (field: CandidateField) => {
    const m = header.columns.find((c) => c.column.field === field);
    return m ? cellText(row.cells[m.index]) : { text: '' };
  };
  const raw = Array.from({ length: width }, (_, i) => cellText(row.cells[i]).text);
  const read = (field: CandidateField) => {
    const c = cell(field);
    if (c.problem) issue(errors, field, 'CELL_UNREADABLE', c.problem);
    return c;
  };
  const required = (field: CandidateField) => ctx.mode === 'create' && CANDIDATE_COLUMNS[ctx.kind].find((c) => c.field === field)?.required;

  const idCell = read('idNumber');
  const id = checkCandidateIdNumber(idCell.number ?? idCell.text, ctx.today);
  if (!id.ok && !idCell.problem) issue(errors, 'idNumber', id.problem.code, id.problem.message);
  const idNumber = id.ok ? id.value : null;

  const nameCell = read('name');
  const existing = idNumber ? ctx.existing.get(idNumber) : undefined;
  let name: string | null = null;
  if (nameCell.text || required('name')) {
    const n = checkName(nameCell.text);
    if (n.ok) name = n.value;
    else if (!nameCell.problem) issue(errors, 'name', n.problem.code, n.problem.message);
  } else name = existing?.name ?? null;

  let pinyin: string | null = null;
  const pinyinCell = read('namePinyin');
  if (name && (pinyinCell.text || ctx.mode === 'create' || name !== existing?.name)) {
    const p = checkPinyin(name, pinyinCell.text);
    if (p.ok) pinyin = p.value;
    else issue(errors, 'namePinyin', p.problem.code, p.problem.message);
  }

  const optional = (field: CandidateField): string | null => {
    const c = read(field);
    if (!c.text && required(field)) issue(errors, field, 'REQUIRED', `${headers.get(field)}不能为空`);
    return c.text || null;
  };

  let phone: string | null = null;
  const phoneCell = read('phone');
  if (phoneCell.text || required('phone')) {
    const p = checkPhone(phoneCell.number !== undefined ? String(phoneCell.number) : phoneCell.text);
    if (p.ok) phone = p.value;
    else if (!phoneCell.problem) issue(errors, 'phone', p.problem.code, p.problem.message);
  }

  const values: CandidateValues = {
    name: name ?? '',
    namePinyin: pinyin ?? '',
    idNumber: idNumber ?? '',
    phone,
    major: null,
    majorLevel: null,
    entryYear: null,
    education: null,
    employer: null,
  };
  if (ctx.kind === 'school') {
    values.major = optional('major');
    values.majorLevel = optional('majorLevel');
    const yearCell = read('entryYear');
    if (yearCell.text || required('entryYear')) {
      const y = checkEntryYear(yearCell.text, ctx.currentYear);
      if (y.ok) values.entryYear = y.value;
      else if (!yearCell.problem) issue(errors, 'entryYear', y.problem.code, y.problem.message);
    }
    if (values.major && ctx.majors.size && !ctx.majors.has(values.major))
      issue(warnings, 'major', 'MAJOR_UNKNOWN', `就读专业“${excerpt(values.major)}”不在专业目录中，请确认是本校的专业名称`);
    if (values.majorLevel && !isKnownMajorLevel(values.majorLevel))
      issue(warnings, 'majorLevel', 'LEVEL_UNKNOWN', `专业层次“${excerpt(values.majorLevel)}”不是常见的层次（中职、高职专科、职业本科、本科）`);
  } else {
    values.education = optional('education');
    values.employer = optional('employer');
  }

  if (idNumber) {
    const first = seen.get(idNumber);
    if (first !== undefined) issue(errors, 'idNumber', 'DUPLICATE_IN_FILE', `身份证号与第 ${first} 行重复`);
    else seen.set(idNumber, row.rowNumber);
    if (existing && name && existing.name !== name)
      issue(errors, 'idNumber', 'ID_CONFLICT', `身份证号已属于考生“${excerpt(existing.name, 30)}”，与本行姓名“${excerpt(name, 30)}”不一致，请核对`);
    else if (existing && existing.kind !== ctx.kind)
      issue(
        errors,
        'idNumber',
        'KIND_CONFLICT',
        `该考生已登记为${existing.kind === 'school' ? '院校考生' : '社会考生'}，不能作为${ctx.kind === 'school' ? '院校考生' : '社会考生'}导入`,
      );
    else if (!existing && ctx.mode === 'update') issue(errors, 'idNumber', 'NOT_FOUND', '没有这个身份证号的考生（批量修改只能修改已有考生）');
  }

  if (errors.length) return { row: row.rowNumber, status: 'refused', values: null, changes: [], existingId: existing?.id ?? null, errors, warnings, raw };
  if (!existing) return { row: row.rowNumber, status: 'new', values, changes: [], existingId: null, errors, warnings, raw };

  // An update writes only what the sheet says and differs; a blank cell keeps the old value.
  const changes: RowOutcome['changes'] = [];
  for (const [field, headerName] of headers) {
    const next = values[field];
    if (next === null || next === '' || field === 'idNumber') continue;
    if (next !== existing[field]) changes.push({ field, header: headerName, old: existing[field], new: next });
  }
  return { row: row.rowNumber, status: changes.length ? 'updated' : 'unchanged', values, changes, existingId: existing.id, errors, warnings, raw };
}

export function countOutcomes(rows: RowOutcome[]): ImportCounts {
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
