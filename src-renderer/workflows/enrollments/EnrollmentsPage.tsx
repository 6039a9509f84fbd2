import { CloudUploadOutlined, DeleteOutlined, IdcardOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react';
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
const clip: CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis' };
const minor: CSSProperties = { ...clip, fontSize: 12, lineHeight: '18px', color: 'var(--ant-color-text-tertiary)' };

/**
 * A cell of two lines, the second smaller: what belongs together shares a column, so a lab PC's
 * 1366-pixel screen shows every column without scrolling sideways. The whole text is the tooltip.
 */
function TwoLines({ top, bottom, title }: { top: ReactNode; bottom: ReactNode; title?: string }) {
  return (
    <div title={title}>
      <div style={{ ...clip, lineHeight: '22px' }}>{top}</div>
      <div style={minor}>{bottom}</div>
    </div>
  );
}

const COLUMNS: VirtualColumn<EnrollmentRow>[] = [
  { key: 'name', title: '姓名', width: 88, sortKey: 'name', render: (r) => <TwoLines top={r.name} bottom={CANDIDATE_KIND_LABELS[r.kind]} /> },
  { key: 'idNumber', title: '身份证号', width: 164, sortKey: 'idNumber', render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.idNumber}</span> },
  {
    key: 'major',
    title: '专业 / 入学年份',
    width: 124,
    render: (r) => <TwoLines top={r.major ?? dash} bottom={r.entryYear === null ? '' : `${r.entryYear} 级`} title={r.major ?? undefined} />,
  },
  { key: 'plan', title: '考试计划', width: 170, grow: true, render: (r) => <TwoLines top={r.planName} bottom={r.planCode} title={`${r.planName}（${r.planCode}）`} /> },
  {
    key: 'subject',
    title: '科目 / 证书',
    width: 210,
    grow: true,
    sortKey: 'subject',
    render: (r) => (
      <TwoLines
        top={`${r.subjectCode} ${r.subjectName}`}
        bottom={`${r.certificateName} ${r.level}`}
        title={`${r.subjectCode} ${r.subjectName}（${r.certificateName} ${r.level}）`}
      />
    ),
  },
  { key: 'mode', title: '方式', width: 60, render: (r) => ENROLL_MODE_LABELS[r.mode] },
  {
    key: 'state',
    title: '缴费 / 报送',
    width: 92,
    render: (r) => (
      <TwoLines
        top={
          <span className="vt-tag" data-tone={r.paid ? 'success' : undefined}>
            {r.paid ? '已缴费' : '未缴费'}
          </span>
        }
        bottom={r.sentAt ? '已报送' : <span style={{ color: 'var(--ant-color-warning-text)' }}>未报送</span>}
        title={r.sentAt ? `已于 ${formatTime(r.sentAt)} 报送平台` : '还没有报送平台'}
      />
    ),
  },
  {
    key: 'createdAt',
    title: '报考时间',
    width: 104,
    sortKey: 'createdAt',
    render: (r) => {
      const [date, time] = formatTime(r.createdAt).split(' ');
      return <TwoLines top={date} bottom={time} />;
    },
  },
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
          <Space style={{ flex: 'none', marginLeft: 16 }}>
            <Button icon={<IdcardOutlined />} onClick={() => void navigate('/candidates')}>
              从考生名单报考
            </Button>
            <Button icon={<DeleteOutlined />} onClick={() => void navigate('/enrollments/delete')}>
              批量删除报考
            </Button>
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => void navigate('/enrollments/import')}>
              导入报考
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
        rowHeight={52}
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
