import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Modal, Result } from 'antd';
import { useState } from 'react';
import type { AuditExportResult, AuditFilter } from '../../../src-shared/api/audit';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useApi } from '../../api/hooks';
import { JobProgress } from '../../ui/JobProgress';
import { useJobFileSaver } from '../../ui/job-files';

/** 导出: the entries of the current view (filters and search) as an xlsx, written by a job. */
export function AuditExportButton({ filter }: { filter: AuditFilter }) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [job, setJob] = useState<JobInfo<AuditExportResult> | null>(null);
  const [starting, setStarting] = useState(false);
  const { saving, save } = useJobFileSaver();

  const start = async () => {
    setStarting(true);
    try {
      setJob(await api.call('audit.export', filter));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Button icon={<ExportOutlined />} loading={starting} onClick={() => void start()}>
        导出
      </Button>
      {job && (
        <Modal open title="导出审计日志" footer={null} onCancel={() => setJob(null)} destroyOnHidden>
          {job.state === 'done' ? (
            <Result
              status="success"
              title={`已导出 ${job.result?.count ?? 0} 条记录`}
              subTitle="按当前的筛选条件导出；身份证号与页面上一样只显示首尾几位。导入的明细在“导入明细”工作表中。"
              extra={
                <Button type="primary" icon={<DownloadOutlined />} loading={saving} onClick={() => void save(job.id, job.result?.exportFile ?? 'export')} autoFocus>
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
