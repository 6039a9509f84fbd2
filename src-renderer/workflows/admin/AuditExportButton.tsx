import type { AuditFilter } from '../../../src-shared/api/audit';
import { useApi } from '../../api/hooks';
import { JobFileButton } from '../../ui/JobFileButton';

/** 导出: the entries of the current view (filters and search) as an xlsx, written by a job. */
export function AuditExportButton({ filter }: { filter: AuditFilter }) {
  const api = useApi();
  return (
    <JobFileButton
      label="导出"
      title="导出审计日志"
      start={() => api.call('audit.export', filter)}
      fileKey={(r) => r.exportFile}
      done={(r) => ({
        title: `已导出 ${r.count} 条记录`,
        subTitle: '按当前的筛选条件导出；身份证号与页面上一样只显示首尾几位。导入的明细在“导入明细”工作表中。',
      })}
    />
  );
}
