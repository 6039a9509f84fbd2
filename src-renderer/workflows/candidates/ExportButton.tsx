import type { CandidateExportInput, CandidateFilter } from '../../../src-shared/api/candidates';
import { useApi } from '../../api/hooks';
import { JobFileButton } from '../../ui/JobFileButton';

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
  return (
    <JobFileButton
      label={label}
      type={type}
      start={() => api.call('candidates.export', { ...filter, ...sort })}
      fileKey={(r) => r.exportFile}
      done={(r) => ({ title: `已导出 ${r.count} 名考生`, subTitle: '表格的列与导入模板相同：改好后可以通过“批量修改”导回。' })}
    />
  );
}
