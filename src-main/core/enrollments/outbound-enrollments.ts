import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CANDIDATE_KIND_LABELS, type CandidateKind } from '../../../src-shared/domain/candidate';
import type { CertLevel } from '../../../src-shared/domain/catalog';
import { choiceLabel, ENROLL_COLUMNS, type EnrollField } from '../../../src-shared/domain/enrollment-columns';
import type { EnrollmentDeletionsPayload, EnrollmentsPayload } from '../../../src-shared/domain/enrollment-kinds';
import { ENROLL_MODE_LABELS, ENROLL_SHEET_LABELS, type EnrollMode } from '../../../src-shared/domain/enrollment';
import { AppError } from '../../../src-shared/errors';
import { PRIVATE_DIR_MODE } from '../../files/private-fs';
import { writeRowsWorkbook } from '../../pipelines/xlsx/rows-workbook';
import type { Store } from '../../store/store';
import type { OutboundContext, OutboundModules, OutboundPart } from '../packages/kind-module';
import { markDeletionsSent, markEnrollmentsSent } from './enrollment-store';

type Entry = EnrollmentsPayload['enrollments'][number];

interface Unsent {
  plan_code: string;
  plan_name: string;
  id_number: string;
  name: string;
  kind: CandidateKind;
  certificate_code: string;
  certificate_name: string;
  level: CertLevel;
  subject_code: string;
  subject_name: string;
  mode: EnrollMode;
  created_at: string;
}

const UNSENT = `SELECT e.plan_code, p.name AS plan_name, c.id_number, c.name, c.kind, s.certificate_code, coalesce(ce.name, s.certificate_code) AS certificate_name,
    s.level, e.subject_code, s.name AS subject_name, e.mode, e.created_at
  FROM enrollments e JOIN candidates c ON c.id = e.candidate_id JOIN exam_subjects s ON s.code = e.subject_code JOIN exam_plans p ON p.code = e.plan_code
  LEFT JOIN certificates ce ON ce.code = s.certificate_code
  WHERE e.sent_at IS NULL ORDER BY e.plan_code, c.id_number, s.certificate_code, s.level, e.subject_code`;

/** A row of one of the platform's templates, in its columns, as our own import reads it back. */
function templateRow(fields: EnrollField[], e: Entry): string[] {
  const value: Record<EnrollField, string> = {
    name: e.name,
    idNumber: e.idNumber,
    plan: choiceLabel(e.planCode, e.planName),
    certificate: choiceLabel(e.certificateCode, e.certificateName),
    level: e.level,
    subject: choiceLabel(e.subjectCode, e.subjectName),
  };
  return fields.map((f) => value[f]);
}

/**
 * 报考信息: every enrollment not yet sent, as canonical JSON and in the platform's two import
 * templates — 按证书 (one row per candidate, plan, certificate and level) and 按科目 (one row per
 * subject) — each enrollment in the template it was made by.
 */
async function buildEnrollments(store: Store, ctx: OutboundContext): Promise<OutboundPart<'enrollments'>> {
  const rows = store.prepare(UNSENT).all() as Unsent[];
  if (!rows.length) throw new AppError('STATE', '没有尚未报送的报考：报考后再生成（已报送过的报考不会重复发送）。');
  const enrollments: Entry[] = rows.map((r) => ({
    planCode: r.plan_code,
    planName: r.plan_name,
    idNumber: r.id_number,
    name: r.name,
    kind: r.kind,
    certificateCode: r.certificate_code,
    certificateName: r.certificate_name,
    level: r.level,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    mode: r.mode,
    enrolledAt: r.created_at,
  }));
  mkdirSync(ctx.workDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const files: NonNullable<OutboundPart<'enrollments'>['files']> = [];
  for (const mode of ['certificate', 'subject'] as const) {
    const columns = ENROLL_COLUMNS[mode];
    const fields = columns.map((c) => c.field);
    const mine = enrollments.filter((e) => e.mode === mode);
    // 按证书 names a certificate once for all its subjects.
    const lines =
      mode === 'certificate'
        ? [...new Map(mine.map((e) => [`${e.idNumber}/${e.planCode}/${e.certificateCode}/${e.level}`, templateRow(fields, e)])).values()]
        : mine.map((e) => templateRow(fields, e));
    if (!lines.length) continue;
    const path = join(ctx.workDir, `${ENROLL_SHEET_LABELS[mode]}.xlsx`);
    await writeRowsWorkbook(path, [
      { name: ENROLL_SHEET_LABELS[mode], columns: columns.map((c) => ({ header: c.header, width: c.text ? 30 : 12, text: c.text ?? false })), rows: lines },
    ]);
    files.push({ path: `enrollments/${ENROLL_SHEET_LABELS[mode]}.xlsx`, file: path });
  }
  return {
    payload: { enrollments },
    count: enrollments.length,
    files,
    sheet: {
      title: '报考信息',
      columns: ['考试计划', '姓名', '身份证号', '考生类别', '证书', '证书等级', '考试科目', '报考方式'],
      rows: enrollments.map((e) => [
        choiceLabel(e.planCode, e.planName),
        e.name,
        e.idNumber,
        CANDIDATE_KIND_LABELS[e.kind],
        e.certificateName,
        e.level,
        choiceLabel(e.subjectCode, e.subjectName),
        ENROLL_MODE_LABELS[e.mode],
      ]),
    },
  };
}

interface Deleted {
  id_number: string;
  name: string;
  plan_code: string;
  plan_name: string | null;
  subject_code: string;
  subject_name: string | null;
  certificate_code: string;
  certificate_name: string;
  level: CertLevel;
  mode: EnrollMode;
  enrolled_at: string;
  deleted_at: string;
}

const UNSENT_DELETIONS = `SELECT d.id_number, d.name, d.plan_code, p.name AS plan_name, d.subject_code, s.name AS subject_name, d.certificate_code,
    coalesce(ce.name, d.certificate_code) AS certificate_name, d.level, d.mode, d.enrolled_at, d.deleted_at
  FROM enrollment_deletions d LEFT JOIN exam_plans p ON p.code = d.plan_code LEFT JOIN exam_subjects s ON s.code = d.subject_code
  LEFT JOIN certificates ce ON ce.code = d.certificate_code
  WHERE d.sent_at IS NULL ORDER BY d.id`;

/** 删除报考: the sent enrollments deleted since, for the platform to delete too (its 批量删除报考). */
function buildDeletions(store: Store): OutboundPart<'enrollment-deletions'> {
  const rows = store.prepare(UNSENT_DELETIONS).all() as Deleted[];
  if (!rows.length) throw new AppError('STATE', '没有需要报送的删除报考：只有已报送给平台、之后又删除的报考才需要报送。');
  const deletions: EnrollmentDeletionsPayload['deletions'] = rows.map((r) => ({
    planCode: r.plan_code,
    planName: r.plan_name ?? r.plan_code,
    idNumber: r.id_number,
    name: r.name,
    certificateCode: r.certificate_code,
    certificateName: r.certificate_name,
    level: r.level,
    subjectCode: r.subject_code,
    subjectName: r.subject_name ?? r.subject_code,
    mode: r.mode,
    enrolledAt: r.enrolled_at,
    deletedAt: r.deleted_at,
  }));
  return {
    payload: { deletions },
    count: deletions.length,
    sheet: {
      title: '删除报考',
      columns: ['考试计划', '姓名', '身份证号', '证书', '证书等级', '考试科目', '删除时间'],
      rows: deletions.map((d) => [choiceLabel(d.planCode, d.planName), d.name, d.idNumber, d.certificateName, d.level, choiceLabel(d.subjectCode, d.subjectName), d.deletedAt]),
    },
  };
}

export const enrollmentOutbound: OutboundModules<'enrollments' | 'enrollment-deletions'> = {
  enrollments: {
    build: buildEnrollments,
    onSent: (store, part, now) => markEnrollmentsSent(store, part.payload.enrollments, now.toISOString()),
  },
  'enrollment-deletions': {
    build: buildDeletions,
    onSent: (store, part, now) => markDeletionsSent(store, part.payload.deletions, now.toISOString()),
  },
};
