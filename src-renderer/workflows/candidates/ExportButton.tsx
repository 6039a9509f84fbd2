import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Modal, Result } from 'antd';
import { useState } from 'react';
import type { CandidateExportInput, CandidateExportResult, CandidateFilter } from '../../../src-shared/api/candidates';
import type { JobInfo } from '../../../src-shared/api/jobs';
import { useApi } from '../../api/hooks';
import { JobProgress } from '../../ui/JobProgress';
import { useJobFileSaver } from '../../ui/job-files';

/**
 * 导出: the candidates of a view (`filter`) as an xlsx in the import template's columns, so the
 * file can come back through 批量修改; in the order of the list it sits by (`sort`), so the
 * file reads as the screen does. Runs as a job; the file is offered when it is written.
 */
export function ExportButton({
  filter,
  sort,
  label,
  type,
}: {
  filter: CandidateFilter;
  sort?: Required<Pick<CandidateExportInput, 'sort' | 'order'>>;
  label: string;
  type?: 'primary' | 'default';
}) {
  const api = useApi();
  const { message } = AntApp.useApp();
  const [job, setJob] = useState<JobInfo<CandidateExportResult> | null>(null);
  const [starting, setStarting] = useState(false);
  const { saving, save } = useJobFileSaver();
  const count = job?.state === 'done' ? (job.result?.count ?? null) : null;

  const start = async () => {
    setStarting(true);
    try {
      setJob(await api.call('candidates.export', { ...filter, ...sort }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Button type={type} icon={<ExportOutlined />} loading={starting} onClick={() => void start()}>
        {label}
      </Button>
      {job && (
        <Modal open title={label} footer={null} onCancel={() => setJob(null)} destroyOnHidden>
          {job.state === 'done' ? (
            <Result
              status="success"
              title={`已导出 ${count} 名考生`}
              subTitle="表格的列与导入模板相同：改好后可以通过“批量修改”导回。"
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
