import type { EnrollImportPreview, EnrollImportResult } from '../../../src-shared/api/enrollments';
import { ENROLL_COLUMNS } from '../../../src-shared/domain/enrollment-columns';
import type { EnrollSheet } from '../../../src-shared/domain/enrollment';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import type { JobContext } from '../../jobs/job-context';
import { writeRefusedRows } from '../../pipelines/xlsx/refused-rows';
import { headerCells } from '../../pipelines/xlsx/sheet-header';
import type { Sheet } from '../../pipelines/xlsx/sheet-reader';
import type { Store } from '../../store/store';
import { insertAudit, type AuditRowRecord } from '../audit/audit-log';
import { EnrollBook } from './enroll-book';
import { deleteEnrollments, insertEnrollments, type NewEnrollment } from './enrollment-store';
import { countSheet, findEnrollHeader, judgeDeleteSheet, judgeEnrollSheet, refuseAtWrite, type DeleteOutcome, type EnrollOutcome } from './sheet-requests';
import { readUploadedSheet, refusedRowsPath } from '../files/uploaded-sheet';

export interface EnrollImportInput {
  path: string;
  fileName: string;
  sheet: EnrollSheet;
}

export interface EnrollCommitInput extends EnrollImportInput {
  /** The hash the check saw: the commit refuses a file changed since. */
  commitHash: string;
}

interface Read {
  fileHash: string;
  sheet: Sheet;
  headerRow: number;
  header: ReturnType<typeof findEnrollHeader>;
}

async function readFile(ctx: JobContext, input: EnrollImportInput, commitHash: string | null): Promise<Read> {
  const { label, fileHash, sheet } = await readUploadedSheet(ctx, input, commitHash);
  const header = findEnrollHeader(sheet, input.sheet, label);
  return { fileHash, sheet, headerRow: header.headerRow, header };
}

function judge(store: Store, read: Read, sheet: EnrollSheet, today: string): (EnrollOutcome | DeleteOutcome)[] {
  const book = new EnrollBook(store);
  return sheet === 'delete' ? judgeDeleteSheet(book, read.sheet, read.header, today) : judgeEnrollSheet(book, read.sheet, read.header, sheet, today);
}

/** Thrown to roll back the check's trial deletions. */
class TrialOver extends Error {}

/**
 * Runs each accepted deletion in its own savepoint: a row the database refuses (an enrollment in
 * a confirmed payment order) is refused with its reason and leaves nothing deleted; the others go.
 */
function applyDeletions(store: Store, outcomes: DeleteOutcome[], now: Date, rows: AuditRowRecord[] | null, onRow: (i: number) => void): number {
  let written = 0;
  outcomes.forEach((o, i) => {
    onRow(i);
    const { candidate, plan, subjects } = o.judged;
    if (o.status !== 'accepted' || !candidate || !plan) return;
    try {
      const n = store.db.transaction(() =>
        deleteEnrollments(
          store,
          candidate,
          plan.code,
          subjects.map((s) => s.code),
          now.toISOString(),
        ),
      )();
      written += n;
      rows?.push({
        entity: '报考',
        key: `${candidate.idNumber}/${plan.code}`,
        title: candidate.name,
        status: 'changed',
        changes: [{ field: `科目（${plan.name}）`, old: subjects.map((s) => `${s.code} ${s.name}`).join('、'), new: null }],
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'STATE') throw e;
      refuseAtWrite(o, 'delete', subjects.length === 1 ? 'subject' : 'certificate', String(e.details?.code ?? 'REFUSED'), e.message);
    }
  });
  return written;
}

/** 检查: every row judged (a deletion tried and rolled back, so a refusal by the database shows now), the refused rows as a sheet. Nothing is written. */
export const enrollCheckJob = defineJob<EnrollImportInput, EnrollImportPreview>('enrollment-import-check', async (ctx, input) => {
  const read = await readFile(ctx, input, null);
  const store = ctx.store();
  const now = ctx.now();
  ctx.progress('校验', 0, read.sheet.rows.length);
  const outcomes = judge(store, read, input.sheet, institutionDate(now));
  if (input.sheet === 'delete' && outcomes.some((o) => o.status === 'accepted'))
    try {
      store.tx(() => {
        applyDeletions(store, outcomes as DeleteOutcome[], now, null, () => {});
        throw new TrialOver();
      });
    } catch (e) {
      if (!(e instanceof TrialOver)) throw e;
    }
  ctx.progress('校验', read.sheet.rows.length, read.sheet.rows.length);
  const refused = outcomes.filter((o) => o.status === 'refused');
  if (refused.length) {
    ctx.progress('生成退回行表格', 0, 1);
    const path = refusedRowsPath(ctx.dataDir, input.fileName);
    await writeRefusedRows(path, headerCells(read.sheet, read.headerRow), refused, isTextHeader);
    ctx.outputFile('refused', path);
  }
  return {
    fileName: input.fileName,
    fileHash: read.fileHash,
    sheet: input.sheet,
    headerRow: read.headerRow,
    counts: countSheet(outcomes),
    errors: outcomes.flatMap((o) => o.errors),
    warnings: outcomes.flatMap((o) => o.warnings),
    refusedFile: refused.length ? 'refused' : null,
  };
});

/**
 * 导入: the same judgement inside the transaction that writes (the quota counts what is in the
 * store at that moment), then the accepted rows, with one audit entry for the file. Refused rows
 * never land; a cancel or a crash writes nothing.
 */
export const enrollCommitJob = defineJob<EnrollCommitInput, EnrollImportResult>('enrollment-import-commit', async (ctx, input) => {
  const read = await readFile(ctx, input, input.commitHash);
  const store = ctx.store();
  const now = ctx.now();
  const stamp = now.toISOString();
  const rows: AuditRowRecord[] = [];
  const onRow = (i: number, total: number) => {
    if (i % 500 !== 0) return;
    ctx.throwIfCancelled();
    ctx.progress('写入', i, total);
  };
  return store.tx(() => {
    ctx.progress('校验', 0, read.sheet.rows.length);
    const outcomes = judge(store, read, input.sheet, institutionDate(now));
    let written = 0;
    if (input.sheet === 'delete') written = applyDeletions(store, outcomes as DeleteOutcome[], now, rows, (i) => onRow(i, outcomes.length));
    else {
      const adding: NewEnrollment[] = [];
      (outcomes as EnrollOutcome[]).forEach((o, i) => {
        onRow(i, outcomes.length);
        const { candidate, plan, groups } = o.judged;
        if (o.status !== 'accepted' || !candidate || !plan) return;
        const subjects = groups.flatMap((g) => g.subjects);
        for (const s of subjects) adding.push({ candidateId: candidate.id, idNumber: candidate.idNumber, planCode: plan.code, subjectCode: s.code, mode: o.judged.mode });
        written += subjects.length;
        rows.push({
          entity: '报考',
          key: `${candidate.idNumber}/${plan.code}`,
          title: candidate.name,
          status: 'new',
          changes: [{ field: `科目（${plan.name}）`, old: null, new: subjects.map((s) => `${s.code} ${s.name}`).join('、') }],
        });
      });
      insertEnrollments(store, adding, stamp);
    }
    const counts = countSheet(outcomes);
    insertAudit(
      store,
      ctx.actor,
      {
        operation: input.sheet === 'delete' ? 'enrollments.deleteImport' : 'enrollments.import',
        entityType: 'enrollment-import',
        entityId: input.fileName,
        after: { file: input.fileName, sheet: input.sheet, counts, changes: rows },
      },
      now,
    );
    ctx.progress('写入', outcomes.length, outcomes.length);
    return { counts, written };
  });
});

const TEXT_HEADERS = [...new Set(Object.values(ENROLL_COLUMNS).flat())].filter((c) => c.text);

/** ID numbers and codes stay text in the refused rows, under whatever header the file gave them. */
function isTextHeader(header: string): boolean {
  return TEXT_HEADERS.some((c) => header.includes(c.header) || c.aliases.some((a) => header.includes(a)));
}
