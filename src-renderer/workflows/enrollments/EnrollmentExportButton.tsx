import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Modal, Result } from 'antd';
import { useState } from 'react';
import type { EnrollmentExportInput } from '../../../src-shared/api/enrollments';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useApi } from '../../api/hooks';
import { JobProgress } from '../../ui/JobProgress';
import { useJobFileSaver } from '../candidates/job-files';

/** 导出当前视图: the enrollments as filtered, in the list's order, one subject a row (a job; the file offered when written). */
export function EnrollmentExportButton({ view }: { view: EnrollmentExportInput }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [job, setJob] = useState<JobInfo<{ count: number; exportFile: 'export' }> | null>(null);
  const [starting, setStarting] = useState(false);
  const { saving, save } = useJobFileSaver();

  const start = async () => {
    setStarting(true);
    try {
      setJob(await api.call('enrollments.export', view));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Button icon={<ExportOutlined />} loading={starting} onClick={() => void start()}>
        导出当前视图
      </Button>
      {job && (
        <Modal open title="导出当前视图" footer={null} onCancel={() => setJob(null)} destroyOnHidden>
          {job.state === 'done' ? (
            <Result
              status="success"
              title={`已导出 ${job.result?.count ?? 0} 条报考`}
              subTitle="每行一个科目，身份证号和编号为文本格式。"
              extra={
                <Button type="primary" icon={<DownloadOutlined />} loading={saving} onClick={() => void save(job.id, 'export')} autoFocus>
                  下载表格
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
