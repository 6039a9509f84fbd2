import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ImportResult, PackagePreview } from '../../../src-shared/api/packages';
import { SIGNATURE_FILE } from '../../../src-shared/domain/package';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../api/hooks';
import { formatBytes, formatTime } from '../../ui/format';
import { CheckingPanel, CommitBar, CommittingPanel, ImportSteps } from '../../ui/import-flow/panels';
import { useImportFlow } from '../../ui/import-flow/use-import-flow';
import { PageHeader } from '../../ui/PageHeader';
import { CountsTable } from './CountsTable';
import { INBOUND_QUERIES } from './package-labels';
import { PackagePreviewView } from './PackagePreviewView';

/**
 * 导入数据包: choose → verify (a job) → preview → import (a job) → done. Nothing is written before
 * the person presses 导入, and the import itself is one transaction.
 */
export function ImportPage() {
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const flow = useImportFlow<PackagePreview, ImportResult>({
    check: (fileId) => api.call('packages.inspect', { fileId }),
    commit: (fileId, preview) => api.call('packages.import', { fileId, fileHash: preview.fileHash }),
    invalidates: INBOUND_QUERIES,
  });
  const { stage } = flow;
  const start = (f: File) => {
    setFile(f);
    void flow.start(f);
  };

  return (
    <>
      <PageHeader title="导入数据包" description="导入平台下发的数据包（证书目录、申报计划、考试科目、考试计划等）。先校验、预览，确认后才写入。" />
      <Card>
        <ImportSteps stage={stage} titles={['选择文件', '校验', '预览', '完成']} />
        {stage.step === 'choose' && <ChooseFile onFile={start} />}
        {stage.step === 'checking' && (
          <Flex vertical gap={12}>
            <CheckingPanel job={stage.job} fileName={stage.fileName} onFinished={flow.checked} />
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              检查 ZIP 结构、每个文件的校验和、平台签名、格式版本和院校代码
            </Typography.Text>
          </Flex>
        )}
        {stage.step === 'refused' && file && <Refused file={file} error={stage.error} onRetry={flow.restart} />}
        {(stage.step === 'preview' || stage.step === 'committing') && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PackagePreviewView preview={stage.preview} />
            {stage.step === 'committing' ? (
              <CommittingPanel job={stage.job} onFinished={(j) => void flow.committed(j)} />
            ) : (
              <>
                {stage.error && <Alert type="error" showIcon title="导入失败，数据没有改动" description={stage.error.message} />}
                <CommitBar summary={<Typography.Text>{planSummary(stage.preview)}</Typography.Text>}>
                  <Space>
                    <Button onClick={flow.restart}>取消</Button>
                    <Button type="primary" onClick={() => void flow.commit()}>
                      导入
                    </Button>
                  </Space>
                </CommitBar>
              </>
            )}
          </Space>
        )}
        {stage.step === 'done' && <Done result={stage.result} preview={stage.preview} onAgain={flow.restart} />}
      </Card>
    </>
  );
}

function planSummary(preview: PackagePreview): string {
  if (preview.alreadyApplied) return '这个数据包已经导入过，再次导入不会改变任何数据。';
  const sum = Object.values(preview.counts).reduce((a, c) => ({ new: a.new + c.new, changed: a.changed + c.changed }), { new: 0, changed: 0 });
  if (!sum.new && !sum.changed) return '内容与现有数据相同，导入后不会有任何改变。';
  return `导入将新增 ${sum.new} 项、变更 ${sum.changed} 项，在一个事务中完成。`;
}

function ChooseFile({ onFile }: { onFile: (file: File) => void }) {
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Upload.Dragger
        accept=".zip,application/zip"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
        aria-label="选择数据包文件"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择，或把数据包拖到这里</p>
        <p className="ant-upload-hint">平台下发的数据包是一个 .zip 文件（例如从 U 盘中选择）。选择后先校验并预览，确认后才会写入。</p>
      </Upload.Dragger>
    </div>
  );
}

const SIGNATURE_HINT = '数据没有任何改动。请负责人在“设置 → 数据交换”中核对平台公钥；确需导入未签名的数据包时，可临时开启“接受未签名的数据包”。';

function Refused({ file, error, onRetry }: { file: File; error: AppError; onRetry: () => void }) {
  const inner = typeof error.details?.file === 'string' ? error.details.file : null;
  const path = typeof error.details?.path === 'string' && error.details.path ? error.details.path : null;
  return (
    <Result
      status="error"
      title="数据包未通过校验，没有导入"
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={onRetry} autoFocus>
          重新选择文件
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={1}
        style={{ maxWidth: 640, margin: '0 auto' }}
        items={[
          { key: 'package', label: '数据包', children: `${file.name}（${formatBytes(file.size)}）` },
          ...(inner ? [{ key: 'file', label: '有问题的文件', children: <Typography.Text code>{inner}</Typography.Text> }] : []),
          ...(path ? [{ key: 'path', label: '位置', children: <Typography.Text code>{path}</Typography.Text> }] : []),
          {
            key: 'what',
            label: '说明',
            children: inner === SIGNATURE_FILE ? SIGNATURE_HINT : '数据没有任何改动。请向平台或发送方重新索取数据包；如果提示需要更新考点助手，请先升级。',
          },
        ]}
      />
    </Result>
  );
}

function Done({ result, preview, onAgain }: { result: ImportResult; preview: PackagePreview; onAgain: () => void }) {
  const navigate = useNavigate();
  // The server words the repeat with its stored UTC instant; the preview's time reads in local time.
  const title = !result.applied && preview.alreadyApplied ? `这个数据包已于 ${formatTime(preview.alreadyApplied.at)} 导入过，再次导入不会改变任何数据。` : result.message;
  return (
    <Result
      status={result.applied ? 'success' : 'info'}
      title={title}
      subTitle={preview.fileName}
      extra={[
        <Button key="again" type="primary" onClick={onAgain}>
          导入另一个数据包
        </Button>,
        <Button key="history" onClick={() => void navigate('/packages/history')}>
          查看交换记录
        </Button>,
        <Button key="plans" onClick={() => void navigate('/plans')}>
          查看考试计划
        </Button>,
      ]}
    >
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <CountsTable counts={result.counts} />
      </div>
    </Result>
  );
}
