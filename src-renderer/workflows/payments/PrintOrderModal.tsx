import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { JobInfo } from '../../../src-shared/api/jobs';
import type { PaymentOrderRow, PaymentPdfResult } from '../../../src-shared/api/payments';
import { useApi } from '../../api/hooks';
import { JobProgress } from '../../ui/JobProgress';
import { useJobFileSaver } from '../../ui/job-files';

/**
 * 打印: the order as an A4 PDF, made by a job; once made it is offered at once (downloaded in
 * the browser, a save dialog in the window) and can be saved again from here.
 */
export function PrintOrderModal({ order, onClose }: { order: Pick<PaymentOrderRow, 'id' | 'orderNo'>; onClose: () => void }) {
  const api = useApi();
  const [job, setJob] = useState<JobInfo<PaymentPdfResult> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { saving, save } = useJobFileSaver();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.call('payments.print', { id: order.id }).then(setJob, (e: unknown) => setError((e as Error).message));
  }, [api, order.id]);

  const finished = (j: JobInfo<PaymentPdfResult>) => {
    setJob(j);
    if (j.state === 'done') void save(j.id, j.result?.pdfFile ?? 'pdf');
  };

  return (
    <Modal open title={`打印缴费单 ${order.orderNo}`} footer={null} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title="无法生成缴费单 PDF" description={error} />}
      {!error && !job && <Spin />}
      {job &&
        (job.state === 'done' ? (
          <Result
            status="success"
            title="缴费申请单已生成"
            subTitle={`${job.result?.fileName ?? ''}：A4 纸打印，盖章后交财务付款；付款时请在附言中注明缴费单号。`}
            extra={
              <Button type="primary" icon={<DownloadOutlined />} loading={saving} onClick={() => void save(job.id, job.result?.pdfFile ?? 'pdf')} autoFocus>
                再次下载 PDF
              </Button>
            }
          />
        ) : (
          <JobProgress job={job} onFinished={finished} />
        ))}
    </Modal>
  );
}
