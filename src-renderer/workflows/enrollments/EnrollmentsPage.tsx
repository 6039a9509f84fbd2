import { CloudUploadOutlined, DeleteOutlined, IdcardOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { EnrollmentFilter, EnrollmentRow, EnrollmentSort } from '../../../src-shared/api/enrollments';
import { CANDIDATE_KIND_LABELS } from '../../../src-shared/domain/candidate';
import { ENROLL_MODE_LABELS } from '../../../src-shared/domain/enrollment';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useListWindow, usePrefetchWindow } from '../../ui/use-list-window';
import { VirtualTable, type SortOrder, type VirtualColumn } from '../../ui/VirtualTable';
import { EnrollmentExportButton } from './EnrollmentExportButton';
import { EnrollmentFilters } from './EnrollmentFilters';
import { EnrollmentSummaryCard } from './EnrollmentSummaryCard';

const dash = <span style={{ color: 'var(--ant-color-text-quaternary)' }}>—</span>;

const COLUMNS: VirtualColumn<EnrollmentRow>[] = [
  { key: 'name', title: '姓名', width: 80, sortKey: 'name', render: (r) => r.name },
  { key: 'idNumber', title: '身份证号', width: 170, sortKey: 'idNumber', render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.idNumber}</span> },
  { key: 'kind', title: '类别', width: 76, render: (r) => CANDIDATE_KIND_LABELS[r.kind] },
  { key: 'major', title: '专业', width: 110, render: (r) => r.major ?? dash },
  { key: 'entryYear', title: '入学年份', width: 72, render: (r) => r.entryYear ?? dash },
  { key: 'plan', title: '考试计划', width: 160, grow: true, render: (r) => <span title={r.planCode}>{r.planName}</span> },
  { key: 'certificate', title: '证书', width: 150, grow: true, render: (r) => `${r.certificateName} ${r.level}` },
  { key: 'subject', title: '科目', width: 140, sortKey: 'subject', render: (r) => `${r.subjectCode} ${r.subjectName}` },
  { key: 'mode', title: '方式', width: 64, render: (r) => ENROLL_MODE_LABELS[r.mode] },
  {
    key: 'paid',
    title: '缴费',
    width: 64,
    render: (r) => (
      <span className="vt-tag" data-tone={r.paid ? 'success' : undefined}>
        {r.paid ? '已缴费' : '未缴费'}
      </span>
    ),
  },
  { key: 'sent', title: '报送', width: 64, render: (r) => (r.sentAt ? '已报送' : <Typography.Text type="warning">未报送</Typography.Text>) },
  { key: 'createdAt', title: '报考时间', width: 150, sortKey: 'createdAt', render: (r) => formatTime(r.createdAt) },
];

const DEFAULT_SORT = { key: 'createdAt' as EnrollmentSort, order: 'desc' as SortOrder };

/**
 * 报考管理 (the manual's 2.2.7): every subject each candidate is enrolled in, filtered and counted
 * on the server, virtualized like the candidate list; 批量导入 and 批量删除 one click away.
 */
export function EnrollmentsPage() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<EnrollmentFilter>({});
  const [sort, setSort] = useState(DEFAULT_SORT);
  const view = useMemo(() => ({ ...filter, sort: sort.key, order: sort.order }), [filter, sort]);
  const rows = useListWindow('enrollments.list', view);
  const prefetch = usePrefetchWindow('enrollments.list');
  const filtered = Object.keys(filter).length > 0;
  const total = rows.total;

  return (
    <>
      <PageHeader
        title="报考管理"
        description="在考试计划的报名时间内为考生报考：按证书报考该证书等级的全部科目，按科目只报选中的科目。报名时间外不能报考，也不能删除报考。"
        extra={
          <Space wrap>
            <Button icon={<IdcardOutlined />} onClick={() => void navigate('/candidates')}>
              从考生名单报考
            </Button>
            <Button icon={<DeleteOutlined />} onClick={() => void navigate('/enrollments/delete')}>
              批量删除报考
            </Button>
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => void navigate('/enrollments/import')}>
              批量导入报考
            </Button>
          </Space>
        }
      />
      <EnrollmentSummaryCard filter={filter} />
      <QueryError error={rows.error} />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <EnrollmentFilters
          filter={filter}
          busy={rows.loading}
          onChange={(f) => {
            prefetch({ ...f, sort: sort.key, order: sort.order });
            setFilter(f);
          }}
        />
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" aria-live="polite" data-testid="enrollment-count">
            {total === undefined ? '读取中…' : rows.stale ? '筛选中…' : filtered ? `筛选出 ${total} 条` : `共 ${total} 条`}
          </Typography.Text>
          <EnrollmentExportButton view={view} />
        </Flex>
      </Flex>
      <VirtualTable<EnrollmentRow>
        label="报考名单"
        columns={COLUMNS}
        count={total ?? 0}
        rowAt={rows.rowAt}
        rowKey={(r) => r.id}
        onRangeChange={rows.onRangeChange}
        loading={rows.loading}
        height="max(300px, calc(100vh - 420px))"
        sort={sort}
        onSort={(key, order) => setSort({ key: key as EnrollmentSort, order })}
        resetKey={JSON.stringify(view)}
        empty={<Typography.Text type="secondary">{filtered ? '没有符合筛选条件的报考。' : '还没有报考。在考生名单中勾选考生后点“报考”，或按模板批量导入报考。'}</Typography.Text>}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        每行一个科目；↑ ↓ 移动，点击列名排序。没有“班级”筛选：考生信息中没有班级一项。
      </Typography.Text>
    </>
  );
}
