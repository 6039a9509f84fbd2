import { join } from 'node:path';
import type { CandidateExportInput, CandidateExportResult } from '../../../src-shared/api/candidates';
import { CANDIDATE_KIND_LABELS, REALNAME_LABELS } from '../../../src-shared/domain/candidate';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import { defineJob } from '../../jobs/define-job';
import { writeRowsCsv } from '../../pipelines/xlsx/rows-csv';
import { writeRowsWorkbook, type RowsSheet } from '../../pipelines/xlsx/rows-workbook';
import { allCandidates } from './candidates-service';
import { exportsDir } from '../paths';

/**
 * 批量导出: the current view, in the list's order, in the template's columns (so the file comes
 * back through 批量修改 unchanged), plus the status columns the import ignores. An xlsx, or CSV
 * when the command line asks for a `.csv` file.
 */
export const candidateExportJob = defineJob<CandidateExportInput & { outFile?: string | undefined }, CandidateExportResult>('candidate-export', async (ctx, filter) => {
  const { outFile, ...view } = filter;
  ctx.progress('读取考生', 0, 1);
  const rows = allCandidates(ctx.store(), view);
  const columns = CANDIDATE_COLUMNS[view.kind];
  const path = outFile ?? join(exportsDir(ctx.dataDir), `${Date.now()}-${CANDIDATE_KIND_LABELS[view.kind]}-${rows.length}人.xlsx`);
  ctx.progress('写入表格', 0, rows.length);
  const sheet: RowsSheet = {
    name: `${CANDIDATE_KIND_LABELS[view.kind]}信息`,
    columns: [
      ...columns.map((c) => ({ header: c.header, width: c.text ? 22 : 16, text: c.text ?? false })),
      { header: '照片', width: 8 },
      { header: '实名认证', width: 10 },
      { header: '尚缺', width: 40 },
    ],
    rows: rows.map((r) => [...columns.map((c) => r[c.field]), r.hasPhoto ? '有' : '无', REALNAME_LABELS[r.realnameStatus], r.missing.join('、')]),
  };
  if (/\.csv$/i.test(path)) writeRowsCsv(path, sheet);
  else await writeRowsWorkbook(path, [sheet]);
  ctx.progress('写入表格', rows.length, rows.length);
  ctx.outputFile('export', path);
  return { count: rows.length, exportFile: 'export' };
});
