import type { EnrollmentExportInput } from '../../../src-shared/api/enrollments';
import { useApi } from '../../api/hooks';
import { JobFileButton } from '../../ui/JobFileButton';

/** 导出当前视图: the enrollments as filtered, in the list's order, one subject a row (a job; the file offered when written). */
export function EnrollmentExportButton({ view }: { view: EnrollmentExportInput }) {
  const api = useApi();
  return (
    <JobFileButton
      label="导出当前视图"
      start={() => api.call('enrollments.export', view)}
      fileKey={(r) => r.exportFile}
      done={(r) => ({ title: `已导出 ${r.count} 条报考`, subTitle: '每行一个科目，身份证号和编号为文本格式。' })}
    />
  );
}
