import { FileZipOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Flex, Result, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { PHOTO_RULES, type PhotoImportReport } from '../../../src-shared/api/photos';
import { useApi } from '../../api/hooks';
import { formatBytes } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { CountCards } from '../../ui/CountCards';
import { PageHeader } from '../../ui/PageHeader';
import { CANDIDATE_QUERIES } from './candidate-queries';
import { PhotoReportTable } from './PhotoReportTable';
import { CheckingPanel, NothingWritten } from './wizard-panels';

type Stage =
  | { step: 'choose'; file: File | null }
  | { step: 'checking'; file: File; fileId: string | null; job: JobInfo | null }
  | { step: 'refused'; fileName: string; message: string }
  | { step: 'report'; fileId: string; report: PhotoImportReport }
  | { step: 'committing'; fileId: string; report: PhotoImportReport; job: JobInfo }
  | { step: 'done'; report: PhotoImportReport };

const STEP_INDEX: Record<Stage['step'], number> = { choose: 0, checking: 1, refused: 1, report: 2, committing: 3, done: 3 };

const COUNTS = [
  { key: 'accepted', label: '接受', color: 'var(--ant-color-success)' },
  { key: 'refused', label: '退回', color: 'var(--ant-color-error)' },
  { key: 'ignored', label: '忽略', color: undefined },
  { key: 'replacing', label: '将替换已有照片', color: 'var(--ant-color-warning)' },
] as const;

/**
 * 批量导入考生照片: a ZIP of 身份证号.jpg files. Every entry is checked (content, size, pixels,
 * red background, a matching candidate) before anything is written; only accepted photos are
 * written, in one transaction; replacing existing photos needs a tick.
 */
export function PhotoImportPage() {
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const [stage, setStage] = useState<Stage>({ step: 'choose', file: null });
  const [fix, setFix] = useState(false);
  const [replace, setReplace] = useState(false);

  const check = async (file: File) => {
    setStage({ step: 'checking', file, fileId: null, job: null });
    setReplace(false);
    try {
      const ref = await api.upload(file);
      const job = await api.call('photos.importPreview', { fileId: ref.fileId, fix });
      setStage({ step: 'checking', file, fileId: ref.fileId, job });
    } catch (e) {
      setStage({ step: 'refused', fileName: file.name, message: (e as Error).message });
    }
  };

  const checked = (file: File, fileId: string, job: JobInfo) => {
    if (job.state === 'done') setStage({ step: 'report', fileId, report: job.result as PhotoImportReport });
    else if (job.state === 'cancelled') setStage({ step: 'choose', file });
    else setStage({ step: 'refused', fileName: file.name, message: job.error?.message ?? '检查失败。' });
  };

  const commit = async (s: Extract<Stage, { step: 'report' }>) => {
    try {
      const job = await api.call('photos.importCommit', { fileId: s.fileId, fix, fileHash: s.report.fileHash, replaceExisting: replace });
      setStage({ ...s, step: 'committing', job });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const committed = async (s: Extract<Stage, { step: 'committing' }>, job: JobInfo) => {
    if (job.state === 'done') {
      await Promise.all([...CANDIDATE_QUERIES, 'candidates.photo'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
      setStage({ step: 'done', report: job.result as PhotoImportReport });
    } else if (job.state === 'cancelled') {
      message.info('已取消，照片没有写入');
      setStage({ step: 'report', fileId: s.fileId, report: s.report });
    } else {
      setStage({ step: 'refused', fileName: s.report.fileName, message: job.error?.message ?? '导入失败，照片没有写入。' });
    }
  };

  return (
    <>
      <PageHeader title="导入照片" description="把考生的小一寸照片命名为“身份证号.jpg”，压缩成一个 .zip 文件后导入。先检查每一张，确认后才写入。" />
      <Card>
        <Steps
          current={STEP_INDEX[stage.step]}
          status={stage.step === 'refused' ? 'error' : stage.step === 'done' ? 'finish' : undefined}
          items={[{ title: '选择压缩包' }, { title: '检查' }, { title: '核对结果' }, { title: '导入' }]}
          style={{ maxWidth: 860, margin: '0 auto 32px' }}
        />
        {stage.step === 'choose' && (
          <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto' }}>
            <Alert
              type="info"
              showIcon
              title="照片要求（平台标准）"
              description={`jpg 或 png 格式，${PHOTO_RULES.maxBytes / 1024 / 1024} MB 以内；${PHOTO_RULES.width}×${PHOTO_RULES.height} 像素（小一寸，2.7cm×3.8cm）；红色背景。文件名为身份证号，如 370285200601011234.jpg，可以放在压缩包内的任意文件夹中。`}
            />
            <Upload.Dragger
              accept=".zip,application/zip"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                setStage({ step: 'choose', file });
                return false;
              }}
              aria-label="选择照片压缩包"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击选择，或把照片压缩包（.zip）拖到这里</p>
            </Upload.Dragger>
            {stage.file && (
              <Flex justify="space-between" align="center" gap={12} wrap>
                <Space>
                  <FileZipOutlined />
                  <Typography.Text strong>{stage.file.name}</Typography.Text>
                  <Typography.Text type="secondary">{formatBytes(stage.file.size)}</Typography.Text>
                </Space>
                <Space>
                  <Checkbox checked={fix} onChange={(e) => setFix(e.target.checked)}>
                    自动调整尺寸（缩放、裁剪为 {PHOTO_RULES.width}×{PHOTO_RULES.height}）
                  </Checkbox>
                  <Button type="primary" onClick={() => void check(stage.file!)}>
                    检查
                  </Button>
                </Space>
              </Flex>
            )}
          </Flex>
        )}
        {stage.step === 'checking' && <CheckingPanel job={stage.job} fileId={stage.fileId} fileName={stage.file.name} onFinished={(fileId, j) => checked(stage.file, fileId, j)} />}
        {stage.step === 'refused' && (
          <NothingWritten message={stage.message} fileName={stage.fileName} what="照片" retryLabel="重新选择压缩包" onRetry={() => setStage({ step: 'choose', file: null })} />
        )}
        {(stage.step === 'report' || stage.step === 'committing') && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Counts report={stage.report} />
            <PhotoReportTable files={stage.report.files} />
            {stage.step === 'committing' ? (
              <JobProgress job={stage.job} onFinished={(j) => void committed(stage, j)} />
            ) : (
              <Flex
                justify="space-between"
                align="center"
                gap={12}
                wrap
                style={{
                  position: 'sticky',
                  bottom: 0,
                  zIndex: 2,
                  padding: '12px 0',
                  background: 'var(--ant-color-bg-container)',
                  borderTop: '1px solid var(--ant-color-border-secondary)',
                }}
              >
                <Flex vertical gap={4}>
                  {stage.report.counts.replacing > 0 && (
                    <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                      有 {stage.report.counts.replacing} 名考生已有照片，我已核对，用压缩包中的照片替换
                    </Checkbox>
                  )}
                  <Typography.Text>{commitSummary(stage.report, replace)}</Typography.Text>
                </Flex>
                <Space>
                  <Button onClick={() => setStage({ step: 'choose', file: null })}>重新选择</Button>
                  <Button type="primary" disabled={writable(stage.report, replace) === 0} onClick={() => void commit(stage)}>
                    导入照片
                  </Button>
                </Space>
              </Flex>
            )}
          </Space>
        )}
        {stage.step === 'done' && (
          <Result
            status="success"
            title={`已导入 ${stage.report.written ?? 0} 张照片`}
            subTitle={stage.report.counts.refused ? `${stage.report.counts.refused} 个文件被退回，没有写入；改正后可以再导入。` : stage.report.fileName}
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate('/candidates')}>
                查看考生名单
              </Button>,
              <Button key="again" onClick={() => setStage({ step: 'choose', file: null })}>
                再导入一个压缩包
              </Button>,
            ]}
          >
            {stage.report.counts.refused > 0 && <PhotoReportTable files={stage.report.files} />}
          </Result>
        )}
      </Card>
    </>
  );
}

const writable = (r: PhotoImportReport, replace: boolean) => r.counts.accepted - (replace ? 0 : r.counts.replacing);

function commitSummary(r: PhotoImportReport, replace: boolean): string {
  const n = writable(r, replace);
  if (n === 0) return r.counts.replacing && !replace ? '只有替换已有照片的文件：勾选上面的确认后才能导入。' : '没有可以导入的照片：请改正后重新打包。';
  const skipped = r.counts.replacing && !replace ? `；不替换已有照片的 ${r.counts.replacing} 张` : '';
  return `将导入 ${n} 张照片${skipped}；退回和忽略的文件不会写入。`;
}

function Counts({ report }: { report: PhotoImportReport }) {
  return <CountCards unit="张" items={COUNTS.map((c) => ({ ...c, value: report.counts[c.key] }))} />;
}
