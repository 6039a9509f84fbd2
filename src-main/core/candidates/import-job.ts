import type { CandidateImportPreview, CandidateImportResult, ImportCounts } from '../../../src-shared/api/candidates';
import type { CandidateKind } from '../../../src-shared/domain/candidate';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { defineJob } from '../../jobs/define-job';
import type { JobContext } from '../../jobs/job-context';
import type { Sheet } from '../../pipelines/xlsx/sheet-reader';
import { writeRefusedRows } from '../../pipelines/xlsx/refused-rows';
import { headerCells } from '../../pipelines/xlsx/sheet-header';
import { insertAudit, type AuditRowRecord } from '../audit/audit-log';
import { existingByIdNumber, insertCandidate, updateCandidateFields } from './candidate-store';
import { countOutcomes, findHeader, judgeRows, type RowOutcome } from './import-rows';
import { readUploadedSheet, refusedRowsPath } from '../files/uploaded-sheet';

export interface CandidateImportInput {
  path: string;
  fileName: string;
  kind: CandidateKind;
  mode: 'create' | 'update';
}

export interface CandidateCommitInput extends CandidateImportInput {
  /** The hash the check saw: the commit refuses a file changed since. */
  commitHash: string;
}

/** One file per import job under exports/, offered through `jobs.file`. */
const MAX_LISTED_UPDATES = 2000;

interface Judged {
  fileHash: string;
  sheet: Sheet;
  headerRow: number;
  outcomes: RowOutcome[];
  counts: ImportCounts;
}

/** Reads the sheet and judges every row against the store: what a check shows and a commit writes. */
async function judgeFile(ctx: JobContext, input: CandidateImportInput, commitHash: string | null): Promise<Judged> {
  const { label, fileHash, sheet } = await readUploadedSheet(ctx, input, commitHash);
  const header = findHeader(sheet, input.kind, label);
  const store = ctx.store();
  const now = ctx.now();
  ctx.progress('校验', 0, sheet.rows.length);
  const outcomes = judgeRows(sheet, header, {
    kind: input.kind,
    mode: input.mode,
    existing: existingByIdNumber(store),
    majors: new Set(store.all(store.q.selectFrom('majors').select('name')).map((m) => m.name)),
    currentYear: Number(institutionDate(now).slice(0, 4)),
    today: institutionDate(now),
  });
  ctx.progress('校验', sheet.rows.length, sheet.rows.length);
  return { fileHash, sheet, headerRow: header.headerRow, outcomes, counts: countOutcomes(outcomes) };
}

/**
 * 批量导入 / 批量修改, the check: read → judge every row → the preview, with the refused rows
 * as a sheet to fix. Nothing is written.
 */
export const candidateCheckJob = defineJob<CandidateImportInput, CandidateImportPreview>('candidate-import-check', async (ctx, input) => {
  const { fileHash, sheet, headerRow, outcomes, counts } = await judgeFile(ctx, input, null);
  const refused = outcomes.filter((o) => o.status === 'refused');
  if (refused.length) {
    ctx.progress('生成退回行表格', 0, 1);
    const path = refusedRowsPath(ctx.dataDir, input.fileName);
    await writeRefusedRows(path, headerCells(sheet, headerRow), refused, isTextHeader);
    ctx.outputFile('refused', path);
  }
  return {
    fileName: input.fileName,
    fileHash,
    kind: input.kind,
    mode: input.mode,
    headerRow,
    counts,
    errors: outcomes.flatMap((o) => o.errors),
    warnings: outcomes.flatMap((o) => o.warnings),
    updates: outcomes
      .filter((o) => o.status === 'updated')
      .slice(0, MAX_LISTED_UPDATES)
      .map((o) => ({ row: o.row, idNumber: o.values!.idNumber, name: o.values!.name, changes: o.changes.map((c) => ({ field: c.header, old: c.old, new: c.new })) })),
    refusedFile: refused.length ? 'refused' : null,
  };
});

/**
 * The commit: the same judgement, then the accepted rows written in one transaction. Refused rows
 * never land; a cancel or a crash writes nothing.
 */
export const candidateCommitJob = defineJob<CandidateCommitInput, CandidateImportResult>('candidate-import-commit', async (ctx, input) => {
  const { outcomes, counts } = await judgeFile(ctx, input, input.commitHash);
  const store = ctx.store();
  const now = ctx.now();
  const stamp = now.toISOString();
  let written = 0;
  // One audit entry for the import, each written row inside it: the log reads as what a person did.
  const rows: AuditRowRecord[] = [];
  store.tx(() => {
    outcomes.forEach((o, i) => {
      if (i % 500 === 0) {
        ctx.throwIfCancelled();
        ctx.progress('写入', i, outcomes.length);
      }
      if (o.status === 'new') {
        insertCandidate(store, input.kind, o.values!, stamp);
        rows.push({ entity: '考生', key: o.values!.idNumber, title: o.values!.name, status: 'new', changes: [] });
        written++;
      } else if (o.status === 'updated') {
        const fields = Object.fromEntries(o.changes.map((c) => [c.field, c.new]));
        updateCandidateFields(store, o.existingId!, fields, stamp);
        rows.push({
          entity: '考生',
          key: o.values!.idNumber,
          title: o.values!.name,
          status: 'changed',
          changes: o.changes.map((c) => ({ field: c.header, old: c.old, new: c.new })),
        });
        written++;
      }
    });
    insertAudit(
      store,
      ctx.actor,
      {
        operation: 'candidates.import',
        entityType: 'candidate-import',
        entityId: input.fileName,
        after: { file: input.fileName, kind: input.kind, mode: input.mode, counts, changes: rows },
      },
      now,
    );
  });
  ctx.progress('写入', outcomes.length, outcomes.length);
  return { counts, written };
});

const TEXT_COLUMNS = CANDIDATE_COLUMNS.school.concat(CANDIDATE_COLUMNS.social).filter((c) => c.text);

/** ID numbers and phones stay text in the refused rows, under whatever header the file gave them. */
function isTextHeader(header: string): boolean {
  return TEXT_COLUMNS.some((c) => header.includes(c.header) || c.aliases.some((a) => header.includes(a)));
}
