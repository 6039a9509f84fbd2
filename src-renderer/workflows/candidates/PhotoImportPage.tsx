import { FileZipOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Flex, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PHOTO_RULES, type PhotoCommitReport, type PhotoImportReport } from '../../../src-shared/api/photos';
import { useApi } from '../../api/hooks';
import { formatBytes } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { CountCards } from '../../ui/CountCards';
import { CheckingPanel, CommitBar, ImportSteps, NothingWritten } from '../../ui/import-flow/panels';
import { useImportFlow } from '../../ui/import-flow/use-import-flow';
import { PageHeader } from '../../ui/PageHeader';
import { CANDIDATE_QUERIES } from './candidate-queries';
import { PhotoReportTable } from './PhotoReportTable';

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
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [fix, setFix] = useState(false);
  const [replace, setReplace] = useState(false);
  const flow = useImportFlow<PhotoImportReport, PhotoCommitReport>({
    check: (fileId) => {
      setReplace(false);
      return api.call('photos.importPreview', { fileId, fix });
    },
    commit: (fileId, report) => api.call('photos.importCommit', { fileId, fix, fileHash: report.fileHash, replaceExisting: replace }),
    invalidates: [...CANDIDATE_QUERIES, 'candidates.photo'],
    onCancelledCommit: () => message.info('已取消，照片没有写入'),
  });
  const { stage } = flow;
  const again = () => {
    setFile(null);
    flow.restart();
  };

  return (
    <>
      <PageHeader title="导入照片" description="把考生的小一寸照片命名为“身份证号.jpg”，压缩成一个 .zip 文件后导入。先检查每一张，确认后才写入。" />
      <Card>
        <ImportSteps stage={stage} titles={['选择压缩包', '检查', '核对结果', '导入']} />
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
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              aria-label="选择照片压缩包"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击选择，或把照片压缩包（.zip）拖到这里</p>
            </Upload.Dragger>
            {file && (
              <Flex justify="space-between" align="center" gap={12} wrap>
                <Space>
                  <FileZipOutlined />
                  <Typography.Text strong>{file.name}</Typography.Text>
                  <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
                </Space>
                <Space>
                  <Checkbox checked={fix} onChange={(e) => setFix(e.target.checked)}>
                    自动调整尺寸（缩放、裁剪为 {PHOTO_RULES.width}×{PHOTO_RULES.height}）
                  </Checkbox>
                  <Button type="primary" onClick={() => void flow.start(file)}>
                    检查
                  </Button>
                </Space>
              </Flex>
            )}
          </Flex>
        )}
        {stage.step === 'checking' && <CheckingPanel job={stage.job} fileName={stage.fileName} onFinished={flow.checked} />}
        {stage.step === 'refused' && <NothingWritten message={stage.error.message} fileName={stage.fileName} what="照片" retryLabel="重新选择压缩包" onRetry={again} />}
        {(stage.step === 'preview' || stage.step === 'committing') && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Counts report={stage.preview} />
            <PhotoReportTable files={stage.preview.files} />
            {stage.step === 'committing' ? (
              <JobProgress job={stage.job} onFinished={(j) => void flow.committed(j)} />
            ) : (
              <>
                {stage.error && <Alert type="error" showIcon title="导入失败，照片没有写入" description={stage.error.message} />}
                <CommitBar
                  summary={
                    <Flex vertical gap={4}>
                      {stage.preview.counts.replacing > 0 && (
                        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
                          有 {stage.preview.counts.replacing} 名考生已有照片，我已核对，用压缩包中的照片替换
                        </Checkbox>
                      )}
                      <Typography.Text>{commitSummary(stage.preview, replace)}</Typography.Text>
                    </Flex>
                  }
                >
                  <Space>
                    <Button onClick={again}>重新选择</Button>
                    <Button type="primary" disabled={writable(stage.preview, replace) === 0} onClick={() => void flow.commit()}>
                      导入照片
                    </Button>
                  </Space>
                </CommitBar>
              </>
            )}
          </Space>
        )}
        {stage.step === 'done' && (
          <Result
            status="success"
            title={`已导入 ${stage.result.written} 张照片`}
            subTitle={stage.result.counts.refused ? `${stage.result.counts.refused} 个文件被退回，没有写入；改正后可以再导入。` : stage.result.fileName}
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate('/candidates')}>
                查看考生名单
              </Button>,
              <Button key="again" onClick={again}>
                再导入一个压缩包
              </Button>,
            ]}
          >
            {stage.result.counts.refused > 0 && <PhotoReportTable files={stage.result.files} />}
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
