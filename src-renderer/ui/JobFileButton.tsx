import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Modal, Result } from 'antd';
import { useState, type ReactNode } from 'react';
import type { JobInfo } from '../../src-shared/api/jobs';
import { JobProgress } from './JobProgress';
import { useJobFileSaver } from './job-files';

/**
 * A button that starts a job writing one file (an export, a printable sheet), shows its progress
 * in a dialog and offers the file when it is written. `start` calls the job's operation.
 */
export function JobFileButton<R>({
  label,
  title = label,
  type,
  icon = <ExportOutlined />,
  start,
  fileKey,
  done,
  downloadLabel = '下载表格',
}: {
  label: string;
  title?: string;
  type?: 'primary' | 'default';
  icon?: ReactNode;
  start: () => Promise<JobInfo<R>>;
  /** Which of the job's files to offer. */
  fileKey: (result: R) => string;
  done: (result: R) => { title: string; subTitle?: string };
  downloadLabel?: string;
}) {
  const { message } = AntApp.useApp();
  const [job, setJob] = useState<JobInfo<R> | null>(null);
  const [starting, setStarting] = useState(false);
  const { saving, save } = useJobFileSaver();

  const run = async () => {
    setStarting(true);
    try {
      setJob(await start());
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setStarting(false);
    }
  };
  const finished = job?.state === 'done' && job.result !== undefined ? job.result : null;

  return (
    <>
      <Button type={type} icon={icon} loading={starting} onClick={() => void run()}>
        {label}
      </Button>
      {job && (
        <Modal open title={title} footer={null} onCancel={() => setJob(null)} destroyOnHidden>
          {finished !== null ? (
            <Result
              status="success"
              {...done(finished)}
              extra={
                <Button type="primary" icon={<DownloadOutlined />} loading={saving} onClick={() => void save(job.id, fileKey(finished))} autoFocus>
                  {downloadLabel}
                </Button>
              }
            />
          ) : (
            <JobProgress job={job} onFinished={setJob} />
          )}
        </Modal>
      )}
    </>
  );
}
