import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Steps, Table, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { PlanCertificateDetail, PlanDetail, PlanSubjectDetail } from '../../../src-shared/api/catalog';
import { CERT_LEVELS, PLAN_WINDOWS, type PlanWindowKey } from '../../../src-shared/domain/catalog';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { useOp } from '../../api/hooks';
import { usePageDetail } from '../../app/page-meta';
import { PageHeader } from '../../ui/PageHeader';
import { PhaseTag } from './PhaseTag';
import { formatSession, formatWeight, formatWindow, passRuleText, WINDOW_DETAIL_LABELS } from './plan-format';
import { MethodTag } from './SubjectsPage';

/** The manual's 查看考试计划: the plan's windows, then per certificate and level its pass rule and subjects. */
export function PlanDetailPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const plan = useOp('plans.get', { code });
  usePageDetail(plan.data?.name);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/plans')}>
      返回考试计划
    </Button>
  );

  if (plan.error)
    return (
      <Result
        status={plan.error.code === 'NOT_FOUND' ? '404' : 'error'}
        title={plan.error.code === 'NOT_FOUND' ? `没有找到考试计划 ${code}` : '读取考试计划失败'}
        subTitle={plan.error.message}
        extra={back}
      />
    );
  if (!plan.data) return <Card loading />;
  const p = plan.data;

  return (
    <>
      <PageHeader title={p.name} description={`计划编号 ${p.code} · ${p.orgName}`} extra={back} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title="查看考试计划"
          extra={
            <Flex gap={8} align="center">
              当前阶段 <PhaseTag phase={p.phase} />
            </Flex>
          }
        >
          <PlanDescriptions plan={p} />
          <PlanTimeline plan={p} />
        </Card>
        <Card title="考试证书与科目">
          <Space orientation="vertical" size={24} style={{ width: '100%' }}>
            {sortCertificates(p.certificates).map((c) => (
              <CertificateBlock key={`${c.certificateCode}-${c.level}`} cert={c} />
            ))}
          </Space>
        </Card>
      </Space>
    </>
  );
}

/** As the platform lists them: by certificate, then 初级 → 中级 → 高级. */
function sortCertificates(certs: PlanCertificateDetail[]): PlanCertificateDetail[] {
  const rank = (l: string) => (CERT_LEVELS as readonly string[]).indexOf(l);
  return [...certs].sort((a, b) => a.certificateCode.localeCompare(b.certificateCode) || rank(a.level) - rank(b.level));
}

function WindowValue({ plan, k }: { plan: PlanDetail; k: PlanWindowKey }) {
  return (
    <Space size={8}>
      <span>{formatWindow(plan.windows[k])}</span>
      {plan.openWindows.includes(k) && <Tag color="green">进行中</Tag>}
    </Space>
  );
}

function PlanDescriptions({ plan }: { plan: PlanDetail }) {
  const items = [
    { key: 'org', label: '考核单位', children: plan.orgName },
    { key: 'name', label: '计划名称', children: plan.name },
    { key: 'code', label: '计划编号', children: plan.code },
    { key: 'status', label: '计划状态', children: plan.status },
    ...PLAN_WINDOWS.map((k) => ({ key: k, label: WINDOW_DETAIL_LABELS[k], children: <WindowValue plan={plan} k={k} /> })),
    { key: 'count', label: '开考科目', children: `${plan.subjectCount} 个` },
  ];
  return <Descriptions bordered size="middle" column={2} items={items} styles={{ label: { width: 150 } }} />;
}

/** The five windows in order: done, open now, or still to come (by today's Beijing date). */
function PlanTimeline({ plan }: { plan: PlanDetail }) {
  const today = institutionDate(new Date());
  const status = (k: PlanWindowKey) => (plan.openWindows.includes(k) ? 'process' : plan.windows[k].end < today ? 'finish' : 'wait');
  const current = PLAN_WINDOWS.findIndex((k) => status(k) !== 'finish');
  return (
    <Steps
      style={{ marginTop: 24 }}
      size="small"
      current={current < 0 ? PLAN_WINDOWS.length : current}
      items={PLAN_WINDOWS.map((k) => ({
        title: WINDOW_DETAIL_LABELS[k].replace(/时间$/, ''),
        content: formatWindow(plan.windows[k]),
        status: status(k),
      }))}
      aria-label="考试安排进度"
    />
  );
}

function CertificateBlock({ cert }: { cert: PlanCertificateDetail }) {
  return (
    <section aria-label={`${cert.certificateName}（${cert.level}）`}>
      <Flex gap={32} wrap style={{ padding: '10px 16px', background: 'var(--ant-color-fill-quaternary)', borderRadius: 6, marginBottom: 12 }}>
        <span>
          <Typography.Text type="secondary">考核证书：</Typography.Text>
          <Typography.Text strong>
            {cert.certificateName}（{cert.level}）
          </Typography.Text>
        </span>
        <span>
          <Typography.Text type="secondary">考核通过条件：</Typography.Text>
          {passRuleText(cert)}
        </span>
        {cert.compositePassScore !== null && (
          <span>
            <Typography.Text type="secondary">综合成绩合格分数：</Typography.Text>
            {cert.compositePassScore}分
          </span>
        )}
      </Flex>
      <Table<PlanSubjectDetail>
        rowKey="subjectCode"
        size="small"
        bordered
        pagination={false}
        dataSource={cert.subjects}
        columns={[
          { title: '科目编码', dataIndex: 'subjectCode', width: 110 },
          { title: '科目名称', dataIndex: 'subjectName' },
          { title: '考试方式', dataIndex: 'method', width: 100, render: (m: string) => <MethodTag method={m} /> },
          { title: '合格分数', dataIndex: 'passScore', width: 100, align: 'center' },
          { title: '所占总成绩比例', dataIndex: 'weight', width: 130, align: 'center', render: formatWeight },
          {
            title: '考试时间',
            dataIndex: 'sessions',
            width: 240,
            render: (sessions: PlanSubjectDetail['sessions']) => (
              <div style={{ whiteSpace: 'nowrap' }}>
                {sessions.map((s) => (
                  <div key={`${s.date}${s.start}`}>{formatSession(s)}</div>
                ))}
              </div>
            ),
          },
          { title: '考试时长', dataIndex: 'durationMinutes', width: 110, align: 'center', render: (m: number) => `${m}分钟` },
        ]}
      />
    </section>
  );
}
