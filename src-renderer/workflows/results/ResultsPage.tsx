import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Input, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ResultFilter, ResultPlanRow, ResultRow, ResultsView } from '../../../src-shared/api/results';
import { compositeText } from '../../../src-shared/domain/certificate-results';
import { useOp } from '../../api/hooks';
import { cleanFilter, FilterSelect } from '../../ui/FilterSelect';
import { formatTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { PlanPicker } from '../../ui/PlanPicker';
import { QueryError } from '../../ui/QueryError';
import { useSearchAsTyped } from '../../ui/use-search-as-typed';
import { ResultDetail } from './ResultDetail';
import { CheckTag, VerdictTag } from './result-tags';

const PAGE_SIZE = 50;

const FILTER_OPTIONS: { value: ResultFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'disagree', label: '与平台不一致' },
  { value: 'agree', label: '与平台一致' },
  { value: 'passed', label: '通过' },
  { value: 'failed', label: '未通过' },
  { value: 'undecided', label: '成绩未齐' },
];

/** The plan to show first: the one the platform sent results for most recently listed, else with decided outcomes, else the first. */
const defaultPlan = (plans: ResultPlanRow[]) => (plans.find((p) => p.platform > 0) ?? plans.find((p) => p.decided > 0) ?? plans[0])?.code;

/** 考证结果 (the manual's 2.2.11): per plan, each candidate × certificate as computed here, beside the platform's. */
export function ResultsPage() {
  const [params, setParams] = useSearchParams();
  const plans = useOp('results.plans', {});
  const asked = params.get('plan');
  const planCode = asked && plans.data?.some((p) => p.code === asked) ? asked : plans.data ? defaultPlan(plans.data) : undefined;
  return (
    <>
      <PageHeader title="考证结果" description="按考核通过条件用已导入的科目成绩计算每名考生的考证结果，与平台下发的结果逐项核对；不一致时两边并列显示，不会被平台结果覆盖。" />
      <QueryError error={plans.error} />
      <PlanPicker
        id="results-plan"
        planCode={planCode}
        loading={plans.isPending}
        onChange={(code) => setParams({ plan: code })}
        width={600}
        options={(plans.data ?? []).map((p) => ({ value: p.code, label: `${p.name}（${p.code}）· ${p.phase} · 平台结果 ${p.platform} 项` }))}
        notFoundContent="还没有考生报考任何考试计划"
      />
      {planCode ? <PlanResults key={planCode} planCode={planCode} /> : plans.data && <Empty description="还没有考生报考任何考试计划" />}
    </>
  );
}

interface Query {
  filter: ResultFilter;
  certificate?: string;
  search?: string;
}

function PlanResults({ planCode }: { planCode: string }) {
  const [query, setQuery] = useState<Query>({ filter: 'all' });
  const [page, setPage] = useState(1);
  const view = useOp('results.view', { planCode, ...query, page, pageSize: PAGE_SIZE }, { placeholderData: (prev) => prev });
  const [text, setText] = useState('');
  const set = (patch: Partial<Query>) => {
    setQuery(cleanFilter({ ...query, ...patch }));
    setPage(1);
  };
  const composition = useSearchAsTyped(text, query.search ?? '', view.isFetching, (search) => set({ search }));
  const data = view.data;
  return (
    <>
      <QueryError error={view.error} />
      {data && <Summary view={data} />}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<ResultFilter> aria-label="显示" value={query.filter} onChange={(filter) => set({ filter })} options={FILTER_OPTIONS} />
        <FilterSelect
          label="证书等级"
          width={200}
          value={query.certificate}
          onChange={(certificate) => set({ certificate })}
          options={data?.certificates.map((c) => ({ value: `${c.certificateCode}/${c.level}`, label: c.label }))}
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="姓名/身份证号"
          aria-label="搜索考生"
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...composition}
          style={{ width: 200 }}
          maxLength={60}
        />
      </Flex>
      <Table<ResultRow>
        rowKey="key"
        size="small"
        aria-label="考证结果"
        loading={view.isPending}
        dataSource={data?.rows.items}
        expandable={{ expandedRowRender: (row) => <ResultDetail row={row} />, columnTitle: '计算过程', columnWidth: 80 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.rows.total ?? 0,
          showSizeChanger: false,
          showQuickJumper: true,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 项`,
        }}
        locale={{ emptyText: query.filter === 'disagree' ? '没有与平台不一致的考证结果' : '没有考证结果' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份证号', dataIndex: 'idNumber', width: 180 },
          { title: '证书（等级）', dataIndex: 'certificateLabel', ellipsis: true },
          { title: '综合成绩', key: 'composite', width: 90, align: 'right', render: (_, r) => (r.local ? compositeText(r.local.composite) : '—') },
          { title: '结果', key: 'passed', width: 100, render: (_, r) => (r.local ? <VerdictTag passed={r.local.passed} /> : '—') },
          {
            title: '平台结果',
            key: 'platform',
            width: 150,
            render: (_, r) =>
              r.platform ? (
                <span>
                  <VerdictTag passed={r.platform.passed} />
                  {r.platform.composite === null ? '' : compositeText(r.platform.composite)}
                </span>
              ) : (
                <Typography.Text type="secondary">未收到</Typography.Text>
              ),
          },
          { title: '核对', key: 'status', width: 110, render: (_, r) => <CheckTag status={r.status} /> },
        ]}
      />
    </>
  );
}

/** The plan's counts over every candidate, the rounding rule and the certificates' rules, stated once above the table. */
function Summary({ view }: { view: ResultsView }) {
  const c = view.counts;
  const stats = [
    { label: '本院校计算', value: c.computed },
    { label: '通过', value: c.passed, color: '#389e0d' },
    { label: '未通过', value: c.failed, color: '#cf1322' },
    { label: '成绩未齐', value: c.undecided },
    { label: '平台结果', value: c.platform },
    { label: '与平台一致', value: c.agree, color: '#389e0d' },
    { label: '与平台不一致', value: c.disagree, color: '#cf1322' },
  ];
  return (
    <>
      <Flex gap={8} wrap role="group" aria-label="考证结果统计" style={{ marginBottom: 12 }}>
        {stats.map((s) => (
          <Card size="small" key={s.label} style={{ minWidth: 130 }} styles={{ body: { padding: '6px 12px' } }}>
            <Statistic title={s.label} value={s.value} suffix="项" styles={{ content: { fontSize: 20, color: s.value ? s.color : undefined } }} />
          </Card>
        ))}
      </Flex>
      {view.platformIssuedAt === null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="平台还没有发来这个考试计划的考证结果：导入平台的“考证结果”数据包后，这里逐项核对本院校的计算与平台的结果。"
        />
      )}
      <Alert
        type={c.disagree ? 'error' : 'info'}
        showIcon
        style={{ marginBottom: 12, padding: '8px 12px' }}
        title={
          c.disagree
            ? `有 ${c.disagree} 项与平台不一致（平台结果发布于 ${formatTime(view.platformIssuedAt)}）：两边的数字都保留，不自动采用任何一方，请核对成绩与考核规则。`
            : `计算规则：综合成绩 = Σ 科目成绩 × 科目权重，${view.rounding}；缺考科目计 0 分。`
        }
        description={
          <Flex vertical>
            {c.disagree > 0 && <span>{`计算规则：综合成绩 = Σ 科目成绩 × 科目权重，${view.rounding}；缺考科目计 0 分。展开一行查看计算过程和未通过原因。`}</span>}
            {view.certificates.map((cert) => (
              <span key={`${cert.certificateCode}/${cert.level}`}>
                {`${cert.label}：${cert.rule}；${cert.subjects.map((s) => `${s.name} ${s.weight}%（合格 ${s.passScore} 分）`).join('、')}`}
              </span>
            ))}
          </Flex>
        }
      />
    </>
  );
}
