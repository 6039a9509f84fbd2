import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Flex, Result, Segmented, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CandidateImportPreview, CandidateImportResult } from '../../../src-shared/api/candidates';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { CANDIDATE_KIND_LABELS, CANDIDATE_KINDS, type CandidateKind } from '../../../src-shared/domain/candidate';
import { CANDIDATE_COLUMNS } from '../../../src-shared/domain/candidate-columns';
import { useApi } from '../../api/hooks';
import { JobProgress } from '../../ui/JobProgress';
import { PageHeader } from '../../ui/PageHeader';
import { ExportButton } from './ExportButton';
import { ImportPreviewView } from './ImportPreviewView';
import { CANDIDATE_QUERIES } from './candidate-queries';
import { kindQuery, useKindParam } from './kind-param';
import { CheckingPanel, NothingWritten } from './wizard-panels';

type Mode = 'create' | 'update';

type Stage =
  | { step: 'choose' }
  | { step: 'checking'; fileName: string; fileId: string | null; job: JobInfo | null }
  | { step: 'refused'; fileName: string; message: string }
  | { step: 'preview'; fileId: string; jobId: string; preview: CandidateImportPreview }
  | { step: 'committing'; fileId: string; jobId: string; preview: CandidateImportPreview; job: JobInfo }
  | { step: 'done'; preview: CandidateImportPreview; result: CandidateImportResult };

const STEP_INDEX: Record<Stage['step'], number> = { choose: 0, checking: 1, refused: 1, preview: 2, committing: 3, done: 3 };

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
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useKindParam();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const text = TEXT[mode];

  const check = async (file: File) => {
    setStage({ step: 'checking', fileName: file.name, fileId: null, job: null });
    try {
      const ref = await api.upload(file);
      const job = await api.call('candidates.importPreview', { fileId: ref.fileId, kind, mode });
      setStage({ step: 'checking', fileName: file.name, fileId: ref.fileId, job });
    } catch (e) {
      setStage({ step: 'refused', fileName: file.name, message: (e as Error).message });
    }
  };

  const checked = (fileName: string, fileId: string, job: JobInfo) => {
    if (job.state === 'done') setStage({ step: 'preview', fileId, jobId: job.id, preview: job.result as CandidateImportPreview });
    else if (job.state === 'cancelled') setStage({ step: 'choose' });
    else setStage({ step: 'refused', fileName, message: job.error?.message ?? '检查失败。' });
  };

  const commit = async (s: Extract<Stage, { step: 'preview' }>) => {
    try {
      const job = await api.call('candidates.importCommit', { fileId: s.fileId, kind, mode, fileHash: s.preview.fileHash });
      setStage({ ...s, step: 'committing', job });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const committed = async (s: Extract<Stage, { step: 'committing' }>, job: JobInfo) => {
    if (job.state === 'done') {
      await Promise.all(CANDIDATE_QUERIES.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      setStage({ step: 'done', preview: s.preview, result: job.result as CandidateImportResult });
    } else if (job.state === 'cancelled') {
      message.info('已取消，数据没有改动');
      setStage({ step: 'preview', fileId: s.fileId, jobId: s.jobId, preview: s.preview });
    } else {
      setStage({ step: 'refused', fileName: s.preview.fileName, message: job.error?.message ?? '导入失败，数据没有改动。' });
    }
  };

  const restart = () => setStage({ step: 'choose' });

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
      <Card>
        <Steps
          current={STEP_INDEX[stage.step]}
          status={stage.step === 'refused' ? 'error' : stage.step === 'done' ? 'finish' : undefined}
          items={[{ title: '选择表格' }, { title: '检查' }, { title: '预览' }, { title: stage.step === 'done' ? '完成' : text.commit }]}
          style={{ maxWidth: 860, margin: '0 auto 32px' }}
        />
        {stage.step === 'choose' && <Choose kind={kind} mode={mode} onFile={(f) => void check(f)} />}
        {stage.step === 'checking' && (
          <CheckingPanel job={stage.job} fileId={stage.fileId} fileName={stage.fileName} onFinished={(fileId, j) => checked(stage.fileName, fileId, j)} />
        )}
        {stage.step === 'refused' && <NothingWritten message={stage.message} fileName={stage.fileName} what="数据" retryLabel="重新选择表格" onRetry={restart} />}
        {stage.step === 'preview' && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ImportPreviewView preview={stage.preview} jobId={stage.jobId} />
            <Flex
              justify="space-between"
              align="center"
              gap={12}
              style={{
                position: 'sticky',
                bottom: 0,
                zIndex: 2,
                padding: '12px 0',
                background: 'var(--ant-color-bg-container)',
                borderTop: '1px solid var(--ant-color-border-secondary)',
              }}
            >
              <Typography.Text>{commitSummary(stage.preview)}</Typography.Text>
              <Space>
                <Button onClick={restart}>重新选择</Button>
                <Button type="primary" disabled={stage.preview.counts.new + stage.preview.counts.updated === 0} onClick={() => void commit(stage)}>
                  {text.commit}
                </Button>
              </Space>
            </Flex>
          </Space>
        )}
        {stage.step === 'committing' && (
          <div style={{ maxWidth: 640, margin: '0 auto' }}>
            <JobProgress job={stage.job} onFinished={(j) => void committed(stage, j)} />
          </div>
        )}
        {stage.step === 'done' && (
          <Result
            status="success"
            title={doneTitle(stage.result)}
            subTitle={stage.result.counts.refused > 0 ? `退回的 ${stage.result.counts.refused} 行没有写入；改正后可以再导入。` : stage.preview.fileName}
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate(`/candidates${kindQuery(stage.preview.kind)}`)}>
                查看考生名单
              </Button>,
              mode === 'create' && (
                <Button key="photos" onClick={() => void navigate('/candidates/photos')}>
                  导入照片
                </Button>
              ),
              <Button key="again" onClick={restart}>
                再导入一个表格
              </Button>,
            ]}
          />
        )}
      </Card>
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
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const columns = CANDIDATE_COLUMNS[kind];

  const template = async () => {
    setSaving(true);
    try {
      await api.saveFile(await api.call('candidates.template', { kind }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={24} style={{ maxWidth: 760, margin: '0 auto' }}>
      <section aria-label="第一步">
        <Typography.Title level={5}>{mode === 'create' ? '1. 下载模板，填写考生信息' : '1. 批量导出，在 Excel 中修改'}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {mode === 'create' ? (
            <>
              {CANDIDATE_KIND_LABELS[kind]}模板的列：
              {columns.map((c, i) => (
                <span key={c.field}>
                  {i > 0 && '、'}
                  {c.header}
                  {c.required && <Typography.Text type="danger">*</Typography.Text>}
                </span>
              ))}
              。身份证号和手机号列已设为文本格式，专业和层次可从下拉列表选择；“填写说明”页写有每列的要求。已有表格的列名或顺序不同也没关系，能认出来。
            </>
          ) : (
            '导出的表格与导入模板的列相同。身份证号用来找到考生，请不要修改；改动的字段会写入，没改的不动。表格中找不到的考生会被退回（新考生请用“批量导入”）。'
          )}
        </Typography.Paragraph>
        {mode === 'create' ? (
          <Button icon={<DownloadOutlined />} onClick={() => void template()} loading={saving}>
            下载模板
          </Button>
        ) : (
          <ExportButton filter={{ kind }} label="批量导出" />
        )}
      </section>
      <section aria-label="第二步">
        <Typography.Title level={5}>2. 选择填好的表格</Typography.Title>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            onFile(file);
            return false;
          }}
          aria-label="选择考生表格"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择，或把表格拖到这里</p>
          <p className="ant-upload-hint">Excel 表格（.xlsx），或 CSV（UTF-8 或 GBK 编码）。选择后先检查并预览，确认后才会写入。</p>
        </Upload.Dragger>
      </section>
    </Flex>
  );
}
