import { join } from 'node:path';
import type { AuditEntry, AuditExportResult, AuditFilter } from '../../../src-shared/api/audit';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { beijingTime } from '../../../src-shared/domain/audit-labels';
import { defineJob } from '../../jobs/define-job';
import { writeRowsWorkbook } from '../../pipelines/xlsx/rows-workbook';
import type { Store } from '../../store/store';
import type { CallContext } from '../call-context';
import { exportsDir } from '../paths';
import { auditRows, countQuery, pageIds } from './audit-log';
import { auditEntries, auditRowViews, changesText, rowsOfEntry } from './audit-view';

export type AuditExportInput = AuditFilter & { outFile?: string | undefined };

const BATCH = 500;
/** Excel keeps at most 32,767 characters in a cell. */
const CELL_LIMIT = 32_000;

const cell = (text: string) => (text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT)}…（内容过长，其余见审计日志）` : text);

/**
 * 导出: the page's current view (its filters and search) as an xlsx, newest first, read and
 * written batch by batch, masked as the page shows it. An import's rows go to a second sheet.
 */
export const auditExportJob = defineJob<AuditExportInput, AuditExportResult>('audit-export', async (ctx, input) => {
  const { outFile, ...filter } = input;
  const store = ctx.store();
  ctx.progress('读取审计日志', 0, 1);
  // Entries written while the export runs are not part of the view that was asked for.
  const last = store.get(store.q.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('max')))?.max ?? 0;
  const total = store.get(countQuery(store.q, filter).where('id', '<=', last))?.n ?? 0;
  const path = outFile ?? join(exportsDir(ctx.dataDir), `${Date.now()}-审计日志-${total}条.xlsx`);
  const imports: AuditEntry[] = [];
  let done = 0;

  function* entryRows(): Generator<unknown[]> {
    for (const entries of batches(store, filter, last)) {
      ctx.throwIfCancelled();
      for (const e of entries) {
        if (e.rowCount > 0) imports.push(e);
        yield [beijingTime(e.at), e.actorLabel, e.operationLabel, e.entityLabel, cell(changesText(e.changes, e.changeKind))];
      }
      ctx.progress('写入表格', (done += entries.length), total);
    }
  }

  function* detailRows(): Generator<unknown[]> {
    for (const e of imports) {
      const rows = rowsOfEntry(store, e.id, filter.search);
      for (let i = 0; i < rows.length; i += BATCH) {
        ctx.throwIfCancelled();
        for (const r of auditRowViews(store, rows.slice(i, i + BATCH)))
          yield [beijingTime(e.at), e.operationLabel, e.entityLabel, `${r.entity} ${r.title}`, r.status, cell(changesText(r.changes))];
      }
    }
  }

  await writeRowsWorkbook(path, [
    {
      name: '审计日志',
      columns: [
        { header: '时间', width: 20 },
        { header: '操作人', width: 20 },
        { header: '操作', width: 22 },
        { header: '对象', width: 40 },
        { header: '修改内容', width: 100 },
      ],
      rows: entryRows(),
    },
    {
      name: '导入明细',
      columns: [
        { header: '时间', width: 20 },
        { header: '操作', width: 16 },
        { header: '导入', width: 36 },
        { header: '对象', width: 40 },
        { header: '改动', width: 8 },
        { header: '修改内容', width: 100 },
      ],
      rows: detailRows(),
    },
  ]);
  ctx.progress('写入表格', total, total);
  ctx.outputFile('export', path);
  return { count: total, exportFile: 'export' };
});

/** The view's entries, newest first, a batch at a time (keyset paging: no OFFSET over the log). */
function* batches(store: Store, filter: AuditFilter, last: number): Generator<AuditEntry[]> {
  let below = last + 1;
  for (;;) {
    const ids = pageIds(store, filter, { limit: BATCH, below });
    if (!ids.length) return;
    below = ids.at(-1)!;
    yield auditEntries(store, auditRows(store, ids));
  }
}

export function startAuditExport(call: CallContext, filter: AuditFilter): JobInfo<AuditExportResult> {
  return call.app.jobs.start(auditExportJob, filter, { title: '导出审计日志', actor: call.actor, owner: call.sessionToken });
}
