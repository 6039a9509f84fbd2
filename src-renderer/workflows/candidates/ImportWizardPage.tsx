import { App as AntApp, Flex, Segmented, Typography } from 'antd';
import type { CandidateImportPreview, CandidateImportResult } from '../../../src-shared/api/candidates';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS, type CandidateKind } from '../../../src-shared/domain/candidate';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import { useApi } from '../../api/hooks';
import { ImportWizard } from '../../ui/import-flow/ImportWizard';
import { ColumnList, SheetDropZone, TemplateButton } from '../../ui/import-flow/sheet-chooser';
import { useImportFlow } from '../../ui/import-flow/use-import-flow';
import { PageHeader } from '../../ui/PageHeader';
import { ExportButton } from './ExportButton';
import { ImportPreviewView } from './ImportPreviewView';
import { CANDIDATE_QUERIES } from './candidate-queries';
import { kindQuery, useKindParam } from './kind-param';

type Mode = 'create' | 'update';

const TEXT: Record<Mode, { title: string; description: string; commit: string }> = {
  create: {
    title: '批量导入',
    description: '按模板填好考生信息，检查无误后导入。导入前可以看到每一行的问题；有错误的行不会写入，可以下载下来改正后再导入。',
    commit: '导入',
  },
  update: {
    title: '批量修改',
    description: '先批量导出考生信息，在 Excel 中补充或改正，再从这里导入。按身份证号找到考生，只写入改动了的字段。',
    commit: '写入修改',
  },
};

/**
 * 批量导入 / 批量修改: choose → check (a job) → preview → commit (a job) → done. Nothing is
 * written before 导入, and the commit writes every accepted row in one transaction.
 */
export function ImportWizardPage({ mode }: { mode: Mode }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useKindParam();
  const text = TEXT[mode];
  const flow = useImportFlow<CandidateImportPreview, CandidateImportResult>({
    check: (fileId) => api.call('candidates.importPreview', { fileId, kind, mode }),
    commit: (fileId, preview) => api.call('candidates.importCommit', { fileId, kind, mode, fileHash: preview.fileHash }),
    invalidates: CANDIDATE_QUERIES,
    onCancelledCommit: () => message.info('已取消，数据没有改动'),
  });
  const { stage } = flow;

  return (
    <>
      <PageHeader
        title={text.title}
        description={text.description}
        extra={
          <Segmented<CandidateKind>
            value={kind}
            onChange={setKind}
            disabled={stage.step !== 'choose'}
            options={CANDIDATE_KINDS.map((k) => ({ value: k, label: CANDIDATE_KIND_LABELS[k] }))}
            aria-label="考生类别"
          />
        }
      />
      <ImportWizard
        flow={flow}
        commitLabel={text.commit}
        what="数据"
        choose={<Choose kind={kind} mode={mode} onFile={(f) => void flow.start(f)} />}
        preview={(preview, jobId) => ({
          summary: commitSummary(preview),
          canCommit: preview.counts.new + preview.counts.updated > 0,
          body: <ImportPreviewView preview={preview} jobId={jobId} />,
        })}
        done={(result, preview) => ({
          title: doneTitle(result),
          subTitle: result.counts.refused > 0 ? `退回的 ${result.counts.refused} 行没有写入；改正后可以再导入。` : preview.fileName,
          links: [{ label: '查看考生名单', to: `/candidates${kindQuery(preview.kind)}` }, ...(mode === 'create' ? [{ label: '导入照片', to: '/candidates/photos' }] : [])],
        })}
      />
    </>
  );
}

function commitSummary(p: CandidateImportPreview): string {
  const { counts } = p;
  if (counts.new + counts.updated === 0) return counts.refused ? '没有可以导入的行：请先改正错误。' : '导入不会改变任何数据。';
  const parts = [counts.new && `新增 ${counts.new} 名`, counts.updated && `更新 ${counts.updated} 名`].filter(Boolean).join('、');
  return `将${parts}考生，在一个事务中写入${counts.refused ? `；退回的 ${counts.refused} 行不会写入` : ''}。`;
}

function doneTitle(r: CandidateImportResult): string {
  const parts = [r.counts.new && `新增 ${r.counts.new} 名`, r.counts.updated && `更新 ${r.counts.updated} 名`].filter(Boolean).join('，');
  return `已写入 ${r.written} 名考生（${parts}）`;
}

function Choose({ kind, mode, onFile }: { kind: CandidateKind; mode: Mode; onFile: (file: File) => void }) {
  const api = useApi();
  return (
    <Flex vertical gap={24} style={{ maxWidth: 760, margin: '0 auto' }}>
      <section aria-label="第一步">
        <Typography.Title level={5}>{mode === 'create' ? '1. 下载模板，填写考生信息' : '1. 批量导出，在 Excel 中修改'}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {mode === 'create' ? (
            <>
              {CANDIDATE_KIND_LABELS[kind]}模板的列：
              <ColumnList columns={CANDIDATE_COLUMNS[kind]} />
              。身份证号和手机号列已设为文本格式，专业和层次可从下拉列表选择；“填写说明”页写有每列的要求。已有表格的列名或顺序不同也没关系，能认出来。
            </>
          ) : (
            '导出的表格与导入模板的列相同。身份证号用来找到考生，请不要修改；改动的字段会写入，没改的不动。表格中找不到的考生会被退回（新考生请用“批量导入”）。'
          )}
        </Typography.Paragraph>
        {mode === 'create' ? <TemplateButton load={() => api.call('candidates.template', { kind })} /> : <ExportButton filter={{ kind }} label="批量导出" />}
      </section>
      <section aria-label="第二步">
        <Typography.Title level={5}>2. 选择填好的表格</Typography.Title>
        <SheetDropZone label="选择考生表格" onFile={onFile} />
      </section>
    </Flex>
  );
}
