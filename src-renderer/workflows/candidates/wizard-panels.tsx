import { Button, Result, Typography } from 'antd';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { JobProgress } from '../../ui/JobProgress';

/** The 检查 step of an import wizard: the upload, then its check job's progress. */
export function CheckingPanel({
  job,
  fileId,
  fileName,
  onFinished,
}: {
  job: JobInfo | null;
  fileId: string | null;
  fileName: string;
  onFinished: (fileId: string, job: JobInfo) => void;
}) {
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      {job && fileId ? <JobProgress job={job} onFinished={(j) => onFinished(fileId, j)} /> : <Typography.Text>正在上传 {fileName}…</Typography.Text>}
    </div>
  );
}

/** A file refused as a whole: why, and that nothing was written. */
export function NothingWritten({ message, fileName, what, retryLabel, onRetry }: { message: string; fileName: string; what: string; retryLabel: string; onRetry: () => void }) {
  return (
    <Result
      status="error"
      title="没有导入"
      subTitle={message}
      extra={
        <Button type="primary" onClick={onRetry} autoFocus>
          {retryLabel}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
        {fileName}：{what}没有任何改动。
      </Typography.Paragraph>
    </Result>
  );
}
