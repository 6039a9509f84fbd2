import { Descriptions, Result, Tabs } from 'antd';
import type { CandidateImportPreview } from '../../../src-shared/api/candidates';
import { CANDIDATE_KIND_LABELS } from '../../../src-shared/domain/candidate';
import { CountCards } from '../../ui/CountCards';
import { IssuesTable } from '../../ui/import-flow/IssuesTable';
import { RefusedRowsAlert } from '../../ui/import-flow/preview-pieces';
import { UpdatesTable } from './UpdatesTable';

const COUNTS = [
  { key: 'new', label: '新增', color: 'var(--ant-color-success)' },
  { key: 'updated', label: '更新', color: 'var(--ant-color-primary)' },
  { key: 'unchanged', label: '未变', color: undefined },
  { key: 'refused', label: '退回', color: 'var(--ant-color-error)' },
] as const;

/** What an import would do, before anything is written: counts, every problem, every change. */
export function ImportPreviewView({ preview, jobId }: { preview: CandidateImportPreview; jobId: string }) {
  const { counts } = preview;

  const tabs = [
    preview.errors.length > 0 && { key: 'errors', label: `错误（${preview.errors.length}）`, children: <IssuesTable issues={preview.errors} label="错误" /> },
    preview.warnings.length > 0 && { key: 'warnings', label: `提醒（${preview.warnings.length}）`, children: <IssuesTable issues={preview.warnings} label="提醒" /> },
    counts.updated > 0 && { key: 'updates', label: `更新内容（${counts.updated}）`, children: <UpdatesTable updates={preview.updates} total={counts.updated} /> },
  ].filter((t) => t !== false);

  return (
    <>
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'file', label: '表格', children: preview.fileName },
          { key: 'kind', label: '考生类别', children: `${CANDIDATE_KIND_LABELS[preview.kind]}（${preview.mode === 'update' ? '批量修改' : '批量导入'}）` },
          { key: 'header', label: '表头', children: `第 ${preview.headerRow} 行` },
        ]}
      />
      <CountCards unit="行" style={{ marginBottom: 16 }} items={COUNTS.map((c) => ({ ...c, value: counts[c.key] }))} />
      <RefusedRowsAlert
        count={counts.refused}
        jobId={jobId}
        file={preview.refusedFile}
        style={{ marginBottom: 16 }}
        description="其余的行可以先导入。下载退回的行（每行附错误原因），在 Excel 中改正后，再导入这个表格即可。"
      />
      {tabs.length > 0 ? (
        <Tabs items={tabs} />
      ) : (
        <Result status="success" title="所有行都通过了检查" subTitle={counts.new + counts.updated === 0 ? '表格中的考生与现有信息完全相同，导入不会改变任何数据。' : undefined} />
      )}
    </>
  );
}
