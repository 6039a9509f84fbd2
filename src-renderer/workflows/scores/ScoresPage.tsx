import { CloudUploadOutlined, ExportOutlined, HistoryOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Descriptions, Empty, Flex, Input, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ScoreFilter, ScorePlanRow, ScoreRow, ScoreSort } from '../../../src-shared/api/scores';
import { useOp } from '../../api/hooks';
import { cleanFilter, FilterSelect } from '../../ui/FilterSelect';
import { PageHeader } from '../../ui/PageHeader';
import { PlanPicker } from '../../ui/PlanPicker';
import { QueryError } from '../../ui/QueryError';
import { useListWindow, usePrefetchWindow } from '../../ui/use-list-window';
import { useSearchAsTyped } from '../../ui/use-search-as-typed';
import { VirtualTable, type SortOrder, type VirtualColumn } from '../../ui/VirtualTable';
import { ScoreDrawer } from './ScoreDrawer';
import { DisputeCell, ScoreValue, STAGE_COLORS, STATUS_TONES } from './score-labels';

const COLUMNS: VirtualColumn<ScoreRow>[] = [
  { key: 'name', title: '姓名', width: 92, sortKey: 'name', render: (r) => r.name },
  { key: 'idNumber', title: '身份证号', width: 156, sortKey: 'idNumber', render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.idNumber}</span> },
  { key: 'ticket', title: '准考证号', width: 184, render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.ticketNumber ?? '—'}</span> },
  {
    key: 'subject',
    title: '科目',
    width: 170,
    grow: true,
    sortKey: 'subject',
    render: (r) => <span title={`${r.subjectCode} ${r.subjectName}`}>{`${r.subjectCode} ${r.subjectName}`}</span>,
  },
  { key: 'score', title: '成绩', width: 92, align: 'right', sortKey: 'score', render: (r) => <ScoreValue row={r} /> },
  {
    key: 'status',
    title: '状态',
    width: 104,
    render: (r) => (
      <span className="vt-tag" data-tone={STATUS_TONES[r.status]}>
        {r.status}
      </span>
    ),
  },
  { key: 'dispute', title: '异议', width: 130, grow: true, render: (r) => <DisputeCell dispute={r.dispute} /> },
];

const DEFAULT_SORT = { key: 'subject' as ScoreSort, order: 'asc' as SortOrder };

/** The plan to show first: one with scores not yet locked, else one with scores, else the newest. */
function defaultPlan(plans: ScorePlanRow[]): string | undefined {
  return (plans.find((p) => p.scored > 0 && p.stage !== 'locked') ?? plans.find((p) => p.scored > 0) ?? plans[0])?.code;
}

/**
 * 科目成绩 (the manual's 2.2.10): a plan's scores as the platform sent them, one row an enrolled
 * subject, filtered and sorted on the server and virtualized like 报考管理; Enter or a double
 * click opens the candidate with all their subjects, where a score is flagged 有异议.
 */
export function ScoresPage() {
  const navigate = useNavigate();
  const plans = useOp('scores.plans', {});
  const [params, setParams] = useSearchParams();
  const asked = params.get('plan');
  const list = plans.data ?? [];
  const planCode = asked && list.some((p) => p.code === asked) ? asked : defaultPlan(list);
  const plan = list.find((p) => p.code === planCode);
  return (
    <>
      <PageHeader
        title="科目成绩"
        description="平台发布的科目成绩在成绩登记和公示期间可以查看、标记有异议；公示结束后成绩永久锁定，不能再更改。"
        extra={
          <Space style={{ flex: 'none', marginLeft: 16 }}>
            <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/packages/import')}>
              导入成绩数据包
            </Button>
            <Button icon={<ExportOutlined />} type={plan?.disputesUnsent ? 'primary' : 'default'} onClick={() => void navigate('/packages/export?kinds=score-disputes')}>
              报送成绩异议
            </Button>
          </Space>
        }
      />
      <QueryError error={plans.error} />
      <PlanPicker
        id="scores-plan"
        planCode={planCode}
        loading={plans.isPending}
        onChange={(code) => setParams({ plan: code })}
        width={520}
        marginBottom={12}
        options={list.map((p) => ({ value: p.code, label: `${p.name}（${p.code}）· ${p.stageLabel}` }))}
        notFoundContent="还没有报考的考试计划"
      />
      {plan ? <PlanScores key={plan.code} plan={plan} /> : plans.data && <Empty description="还没有考生报考任何考试计划。" />}
    </>
  );
}

function PlanStatus({ plan }: { plan: ScorePlanRow }) {
  return (
    <Descriptions
      size="small"
      column={4}
      bordered
      style={{ marginBottom: 12 }}
      items={[
        { key: 'stage', label: '成绩状态', children: <Tag color={STAGE_COLORS[plan.stageLabel]}>{plan.stageLabel}</Tag> },
        { key: 'entry', label: '成绩登记', children: `${plan.scoreEntry.start} ~ ${plan.scoreEntry.end}` },
        {
          key: 'publicity',
          label: '公示',
          children: plan.lockedAt ? `${plan.publicity.start} ~ ${plan.publicity.end}（已锁定）` : `${plan.publicity.start} ~ ${plan.publicity.end}，之后永久锁定`,
        },
        {
          key: 'counts',
          label: '已出成绩',
          children: (
            <span data-testid="score-counts">
              {plan.scored} / {plan.enrolled}（缺考 {plan.absent}
              {plan.disputesOpen ? `，有异议 ${plan.disputesOpen}，待报送 ${plan.disputesUnsent}` : ''}）
            </span>
          ),
        },
      ]}
    />
  );
}

function PlanScores({ plan }: { plan: ScorePlanRow }) {
  const [filter, setFilter] = useState<Omit<ScoreFilter, 'planCode'>>({});
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [open, setOpen] = useState<number | null>(null);
  const [text, setText] = useState('');
  const view = useMemo(() => ({ planCode: plan.code, ...filter, sort: sort.key, order: sort.order }), [plan.code, filter, sort]);
  const rows = useListWindow('scores.list', view);
  const prefetch = usePrefetchWindow('scores.list');
  const change = (f: Omit<ScoreFilter, 'planCode'>) => {
    const next = cleanFilter(f);
    prefetch({ planCode: plan.code, ...next, sort: sort.key, order: sort.order });
    setFilter(next);
  };
  const composition = useSearchAsTyped(text, filter.search ?? '', rows.loading, (search) => change({ ...filter, search }));
  const filtered = Object.keys(filter).length > 0;
  const total = rows.total;

  return (
    <>
      <PlanStatus plan={plan} />
      <QueryError error={rows.error} />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="姓名、身份证号或准考证号"
            aria-label="搜索考生"
            value={text}
            onChange={(e) => setText(e.target.value)}
            {...composition}
            onPressEnter={() => change({ ...filter, search: text.trim() })}
            style={{ width: 240 }}
            maxLength={60}
          />
          <FilterSelect
            label="考试科目"
            placeholder="全部科目"
            width={260}
            value={filter.subjectCode}
            onChange={(v) => change({ ...filter, subjectCode: v })}
            options={plan.subjects.map((s) => ({ value: s.code, label: `${s.code} ${s.name}（${s.scored}/${s.enrolled}）` }))}
          />
          <Checkbox checked={filter.disputed ?? false} onChange={(e) => change({ ...filter, disputed: e.target.checked || undefined })}>
            只看有异议
          </Checkbox>
        </Flex>
        <Typography.Text type="secondary" aria-live="polite" data-testid="score-count">
          {total === undefined ? '读取中…' : rows.stale ? '筛选中…' : filtered ? `筛选出 ${total} 条` : `共 ${total} 条`}
        </Typography.Text>
      </Flex>
      <VirtualTable<ScoreRow>
        label="科目成绩"
        columns={COLUMNS}
        count={total ?? 0}
        rowAt={rows.rowAt}
        rowKey={(r) => r.enrollmentId}
        onRangeChange={rows.onRangeChange}
        onOpen={(r) => setOpen(r.candidateId)}
        loading={rows.loading}
        rowHeight={44}
        height="max(300px, calc(100vh - 400px))"
        sort={sort}
        onSort={(key, order) => setSort({ key: key as ScoreSort, order })}
        resetKey={JSON.stringify(view)}
        empty={<Typography.Text type="secondary">{filtered ? '没有符合筛选条件的成绩。' : '这个考试计划还没有报考。'}</Typography.Text>}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        每行一个报考科目；↑ ↓ 移动，回车或双击查看考生的全部科目并标记有异议；带 <HistoryOutlined aria-hidden style={{ color: 'var(--ant-color-warning)' }} />{' '}
        的成绩已被更正，鼠标悬停查看原成绩。
      </Typography.Text>
      {open !== null && <ScoreDrawer planCode={plan.code} candidateId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
