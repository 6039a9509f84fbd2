import { App as AntApp, Descriptions, Flex, Result, Table, Tabs, Typography } from 'antd';
import type { OpName } from '../../../src-shared/api';
import type { MajorImportPreview, MajorImportResult, MajorUpdatePreview } from '../../../src-shared/api/institution';
import { MAJOR_COLUMNS } from '../../../src-shared/domain/institution-majors';
import { useApi } from '../../api/hooks';
import { CountCards } from '../../ui/CountCards';
import { IssuesTable } from '../../ui/import-flow/IssuesTable';
import { ImportWizard } from '../../ui/import-flow/ImportWizard';
import { ChangesCell, RefusedRowsAlert } from '../../ui/import-flow/preview-pieces';
import { SheetDropZone, TemplateButton } from '../../ui/import-flow/sheet-chooser';
import { useImportFlow } from '../../ui/import-flow/use-import-flow';
import { PageHeader } from '../../ui/PageHeader';

const INVALIDATES: OpName[] = ['institution.profile', 'yearboard.get'];

const COUNTS = [
  { key: 'new', label: '新增', color: 'var(--ant-color-success)' },
  { key: 'updated', label: '修改', color: 'var(--ant-color-primary)' },
  { key: 'unchanged', label: '未变', color: undefined },
  { key: 'refused', label: '退回', color: 'var(--ant-color-error)' },
] as const;

/**
 * 批量导入开设专业: choose → check (a job) → preview → commit (a job) → done. Nothing is written
 * before 导入, and the commit writes every accepted row in one transaction.
 */
export function MajorImportPage() {
  const api = useApi();
  const { message } = AntApp.useApp();
  const flow = useImportFlow<MajorImportPreview, MajorImportResult>({
    check: (fileId) => api.call('majors.importPreview', { fileId }),
    commit: (fileId, preview) => api.call('majors.importCommit', { fileId, fileHash: preview.fileHash }),
    invalidates: INVALIDATES,
    onCancelledCommit: () => message.info('已取消，数据没有改动'),
  });

  return (
    <>
      <PageHeader title="批量导入开设专业" description="按模板填好专业代码、名称和层次，检查无误后导入。已有的专业按专业代码对应并更新；表中没有的专业保持不变。" />
      <ImportWizard
        flow={flow}
        commitLabel="导入"
        what="开设专业"
        choose={<Choose onFile={(f) => void flow.start(f)} />}
        preview={(preview, jobId) => ({
          summary: commitSummary(preview),
          canCommit: preview.counts.new + preview.counts.updated > 0,
          body: <PreviewView preview={preview} jobId={jobId} />,
        })}
        done={(result, preview) => ({
          title: doneTitle(result),
          subTitle: result.counts.refused > 0 ? `退回的 ${result.counts.refused} 行没有写入；改正后可以再导入。` : preview.fileName,
          links: [{ label: '查看开设专业', to: '/institution' }],
        })}
      />
    </>
  );
}

function commitSummary(p: MajorImportPreview): string {
  const { counts } = p;
  if (counts.new + counts.updated === 0) return counts.refused ? '没有可以导入的行：请先改正错误。' : '导入不会改变任何数据。';
  const parts = [counts.new && `新增 ${counts.new} 个`, counts.updated && `修改 ${counts.updated} 个`].filter(Boolean).join('、');
  return `将${parts}专业，在一个事务中写入${counts.refused ? `；退回的 ${counts.refused} 行不会写入` : ''}。`;
}

function doneTitle(r: MajorImportResult): string {
  const parts = [r.counts.new && `新增 ${r.counts.new} 个`, r.counts.updated && `修改 ${r.counts.updated} 个`].filter(Boolean).join('，');
  return `已写入 ${r.written} 个专业（${parts}）`;
}

/** What the import would do, before anything is written: counts, every problem, every change. */
function PreviewView({ preview, jobId }: { preview: MajorImportPreview; jobId: string }) {
  const { counts } = preview;
  const tabs = [
    preview.errors.length > 0 && { key: 'errors', label: `错误（${preview.errors.length}）`, children: <IssuesTable issues={preview.errors} label="错误" /> },
    counts.updated > 0 && { key: 'updates', label: `修改内容（${counts.updated}）`, children: <UpdatesTable updates={preview.updates} /> },
  ].filter((t) => t !== false);

  return (
    <>
      <Descriptions
        size="small"
        column={2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'file', label: '表格', children: preview.fileName },
          { key: 'header', label: '表头', children: `第 ${preview.headerRow} 行` },
        ]}
      />
      <CountCards unit="行" style={{ marginBottom: 16 }} items={COUNTS.map((c) => ({ ...c, value: counts[c.key] }))} />
      <RefusedRowsAlert count={counts.refused} jobId={jobId} file={preview.refusedFile} style={{ marginBottom: 16 }} />
      {tabs.length > 0 ? (
        <Tabs items={tabs} />
      ) : (
        <Result status="success" title="所有行都通过了检查" subTitle={counts.new + counts.updated === 0 ? '表格中的专业与现有信息完全相同，导入不会改变任何数据。' : undefined} />
      )}
    </>
  );
}

/** Each changed major: its fields as old → new (only those are written). */
function UpdatesTable({ updates }: { updates: MajorUpdatePreview[] }) {
  return (
    <section aria-label="将修改的专业">
      <Table<MajorUpdatePreview>
        rowKey="code"
        size="small"
        dataSource={updates}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => `第 ${r} 行` },
          { title: '专业代码', dataIndex: 'code', width: 120 },
          { title: '专业名称', dataIndex: 'name', width: 200 },
          {
            title: '改动',
            key: 'changes',
            render: (_, u) => <ChangesCell changes={u.changes} />,
          },
        ]}
      />
    </section>
  );
}

function Choose({ onFile }: { onFile: (file: File) => void }) {
  const api = useApi();
  return (
    <Flex vertical gap={24} style={{ maxWidth: 760, margin: '0 auto' }}>
      <section aria-label="第一步">
        <Typography.Title level={5}>1. 下载模板，填写开设专业</Typography.Title>
        <Typography.Paragraph type="secondary">
          模板的列：{MAJOR_COLUMNS.map((c) => c.header).join('、')}，都必填。模板里已列出本院校现有的专业，可以直接修改或在下方添加；专业代码列已设为文本格式（保留开头的
          0），专业层次可从下拉列表选择。
        </Typography.Paragraph>
        <TemplateButton load={() => api.call('majors.template', {})} />
      </section>
      <section aria-label="第二步">
        <Typography.Title level={5}>2. 选择填好的表格</Typography.Title>
        <SheetDropZone label="选择开设专业表格" onFile={onFile} />
      </section>
    </Flex>
  );
}
