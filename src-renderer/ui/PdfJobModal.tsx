import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Result, Space, Spin } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { JobInfo } from '../../src-shared/api/jobs';
import { useApi } from '../api/hooks';
import { JobProgress } from './JobProgress';
import { openJobFile, useJobFileSaver } from './job-files';

/**
 * A one-page PDF a job writes (a preview, a certificate): made with its progress, then opened at
 * once in a new tab (the browser mode) or the system viewer; when the browser blocked the tab,
 * the button opens it.
 */
export function PdfJobModal<R extends { fileName: string; pdfFile: string }>({ title, start, onClose }: { title: string; start: () => Promise<JobInfo<R>>; onClose: () => void }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [job, setJob] = useState<JobInfo<R> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const { saving, save } = useJobFileSaver();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start().then(setJob, (e: unknown) => setError((e as Error).message));
  }, [start]);

  const open = async (j: JobInfo<R>) => {
    setOpening(true);
    try {
      if (!(await openJobFile(api, j.id, j.result!.pdfFile))) message.info('浏览器拦截了新标签页：请点击“打开 PDF”。');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setOpening(false);
    }
  };

  let body: ReactNode = <Spin />;
  if (error) body = <Alert type="error" showIcon title="无法生成 PDF" description={error} />;
  else if (job && job.state !== 'done')
    body = (
      <JobProgress
        job={job}
        onFinished={(j) => {
          setJob(j);
          if (j.state === 'done') void open(j);
        }}
      />
    );
  else if (job?.result) {
    const r = job.result;
    body = (
      <Result
        status="success"
        title="PDF 已生成"
        subTitle={r.fileName}
        extra={
          <Space>
            <Button type="primary" icon={<FilePdfOutlined />} loading={opening} onClick={() => void open(job)} autoFocus>
              打开 PDF
            </Button>
            <Button icon={<DownloadOutlined />} loading={saving} onClick={() => void save(job.id, r.pdfFile)}>
              下载 PDF
            </Button>
          </Space>
        }
      />
    );
  }
  return (
    <Modal open title={title} footer={null} onCancel={onClose} destroyOnHidden>
      {body}
    </Modal>
  );
}
