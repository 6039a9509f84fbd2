import type { ImportCounts } from '../../../src-shared/api/candidates';
import type { MajorImportPreview, MajorImportResult } from '../../../src-shared/api/institution';
import { MAJOR_COLUMNS } from '../../../src-shared/domain/institution-majors';
import { AppError } from '../../../src-shared/errors';
import { defineJob } from '../../jobs/define-job';
import type { JobContext } from '../../jobs/job-context';
import { writeRefusedRows } from '../../pipelines/xlsx/refused-rows';
import { findHeaderRow, headerCells } from '../../pipelines/xlsx/sheet-header';
import type { Sheet } from '../../pipelines/xlsx/sheet-reader';
import { insertAudit } from '../audit/audit-log';
import { countMajorOutcomes, judgeMajorRows, type MajorRowOutcome } from './major-import-rows';
import { listInstitutionMajors, upsertInstitutionMajor } from './majors-store';
import { readUploadedSheet, refusedRowsPath } from '../files/uploaded-sheet';

export interface MajorImportInput {
  path: string;
  fileName: string;
}

export interface MajorCommitInput extends MajorImportInput {
  /** The hash the check saw: the commit refuses a file changed since. */
  commitHash: string;
}

/** An institution runs tens of majors, a large one a few hundred: a sheet far past that is not a majors list. */
export const MAJOR_SHEET_LIMITS = { maxRows: 5_001, maxBytes: 20 * 1024 * 1024, maxCells: 500_000 };

interface Judged {
  fileHash: string;
  sheet: Sheet;
  headerRow: number;
  outcomes: MajorRowOutcome[];
  counts: ImportCounts;
}

async function judgeFile(ctx: JobContext, input: MajorImportInput, commitHash: string | null): Promise<Judged> {
  const { label, fileHash, sheet } = await readUploadedSheet(ctx, input, commitHash, MAJOR_SHEET_LIMITS);
  const header = findHeaderRow(sheet, MAJOR_COLUMNS, label);
  ctx.progress('校验', 0, sheet.rows.length);
  const existing = new Map(listInstitutionMajors(ctx.store()).map(({ code, name, level }) => [code, { code, name, level }]));
  const outcomes = judgeMajorRows(sheet, header, existing);
  if (!outcomes.length) throw new AppError('BAD_FILE', `${label}在表头（第 ${header.headerRow} 行）下面没有任何专业。`, { file: input.fileName });
  ctx.progress('校验', sheet.rows.length, sheet.rows.length);
  return { fileHash, sheet, headerRow: header.headerRow, outcomes, counts: countMajorOutcomes(outcomes) };
}

/** 批量导入开设专业, the check: read → judge every row → the preview, with the refused rows as a sheet to fix. Nothing is written. */
export const majorCheckJob = defineJob<MajorImportInput, MajorImportPreview>('major-import-check', async (ctx, input) => {
  const { fileHash, sheet, headerRow, outcomes, counts } = await judgeFile(ctx, input, null);
  const refused = outcomes.filter((o) => o.status === 'refused');
  if (refused.length) {
    ctx.progress('生成退回行表格', 0, 1);
    const path = refusedRowsPath(ctx.dataDir, input.fileName);
    const codeHeaders = MAJOR_COLUMNS.filter((c) => c.text).flatMap((c) => [c.header, ...c.aliases]);
    await writeRefusedRows(path, headerCells(sheet, headerRow), refused, (h) => codeHeaders.some((c) => h.includes(c)));
    ctx.outputFile('refused', path);
  }
  return {
    fileName: input.fileName,
    fileHash,
    headerRow,
    counts,
    errors: outcomes.flatMap((o) => o.errors),
    updates: outcomes
      .filter((o) => o.status === 'updated')
      .map((o) => ({ row: o.row, code: o.major!.code, name: o.major!.name, changes: o.changes.map((c) => ({ field: c.header, old: c.old, new: c.new })) })),
    refusedFile: refused.length ? 'refused' : null,
  };
});

/**
 * The commit: the same judgement, then every new and changed major written in one transaction with
 * one audit entry holding what each row changed. Refused rows never land; a cancel writes nothing.
 */
export const majorCommitJob = defineJob<MajorCommitInput, MajorImportResult>('major-import-commit', async (ctx, input) => {
  const { outcomes, counts } = await judgeFile(ctx, input, input.commitHash);
  const store = ctx.store();
  const now = ctx.now();
  const written = outcomes.filter((o) => o.status === 'new' || o.status === 'updated');
  store.tx(() => {
    ctx.throwIfCancelled();
    ctx.progress('写入', 0, written.length);
    for (const o of written) upsertInstitutionMajor(store, o.major!, now.toISOString());
    const changed = written.filter((o) => o.status === 'updated');
    insertAudit(
      store,
      ctx.actor,
      {
        operation: 'majors.import',
        entityType: 'major-import',
        entityId: input.fileName,
        before: changed.length ? { majors: Object.fromEntries(changed.map((o) => [o.major!.code, Object.fromEntries(o.changes.map((c) => [c.header, c.old]))])) } : null,
        after: {
          file: input.fileName,
          counts,
          added: written.filter((o) => o.status === 'new').map((o) => o.major),
          changed: Object.fromEntries(changed.map((o) => [o.major!.code, Object.fromEntries(o.changes.map((c) => [c.header, c.new]))])),
        },
      },
      now,
    );
  });
  ctx.progress('写入', written.length, written.length);
  return { counts, written: written.length };
});
