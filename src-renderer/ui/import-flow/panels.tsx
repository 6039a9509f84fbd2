import { Button, Flex, Result, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { JobProgress } from '../JobProgress';
import { stepIndex, type ImportStage } from './use-import-flow';

/** The wizard's steps above the current panel. */
export function ImportSteps({ stage, titles }: { stage: ImportStage<unknown, unknown>; titles: [string, string, string, string] }) {
  return (
    <Steps
      current={stepIndex(stage)}
      status={stage.step === 'refused' ? 'error' : stage.step === 'done' ? 'finish' : undefined}
      items={titles.map((title) => ({ title }))}
      style={{ maxWidth: 860, margin: '0 auto 32px' }}
    />
  );
}

/** The 检查 step: the upload, then its check job's progress. */
export function CheckingPanel<P>({ job, fileName, onFinished }: { job: JobInfo<P> | null; fileName: string; onFinished: (job: JobInfo<P>) => void }) {
  return <div style={{ maxWidth: 640, margin: '0 auto' }}>{job ? <JobProgress job={job} onFinished={onFinished} /> : <Typography.Text>正在上传 {fileName}…</Typography.Text>}</div>;
}

/** The commit's progress, under the preview it commits. */
export function CommittingPanel<R>({ job, onFinished }: { job: JobInfo<R>; onFinished: (job: JobInfo<R>) => void }) {
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <JobProgress job={job} onFinished={onFinished} />
    </div>
  );
}

/** A file refused as a whole: why, and that nothing was written. */
export function NothingWritten({
  message,
  fileName,
  what,
  retryLabel,
  onRetry,
  children,
}: {
  message: string;
  fileName: string;
  what: string;
  retryLabel: string;
  onRetry: () => void;
  children?: ReactNode;
}) {
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
      {children ?? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
          {fileName}：{what}没有任何改动。
        </Typography.Paragraph>
      )}
    </Result>
  );
}

/** The bar under a preview: what a commit will do, and the buttons; it stays in view while the preview scrolls. */
export function CommitBar({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={12}
      wrap
      style={{ position: 'sticky', bottom: 0, zIndex: 2, padding: '12px 0', background: 'var(--ant-color-bg-container)', borderTop: '1px solid var(--ant-color-border-secondary)' }}
    >
      {summary}
      {children}
    </Flex>
  );
}
