import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { StepState, YearStep } from '../../../src-shared/api/yearboard';
import { useOp } from '../../api/hooks';

const STATE: Record<StepState, { label: string; color: string }> = {
  done: { label: '已完成', color: 'success' },
  active: { label: '进行中', color: 'processing' },
  waiting: { label: '等待平台', color: 'warning' },
  todo: { label: '待办', color: 'blue' },
  overdue: { label: '已逾期', color: 'error' },
  idle: { label: '尚未开始', color: 'default' },
};

/** The year at a glance, as the manual's process: 证书申报 → 考点申报 → … → 发证. */
export function YearBoardCard() {
  // It sums up every workflow, and none of their changes invalidates it: asked again whenever the home page shows it.
  const board = useOp('yearboard.get', {}, { refetchOnMount: 'always' });
  const b = board.data;
  return (
    <Card
      title={b ? `${b.year} 年度工作进度` : '本年度工作进度'}
      loading={board.isPending}
      extra={b && (b.pilot ? <Tag color="success">本年度试点院校</Tag> : <Tag color="warning">尚未成为本年度试点院校</Tag>)}
    >
      <ol aria-label="本年度工作进度" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 12 }}>
        {b?.steps.map((s, i) => (
          <Step key={s.key} step={s} index={i + 1} />
        ))}
      </ol>
    </Card>
  );
}

function Step({ step, index }: { step: YearStep; index: number }) {
  const state = STATE[step.state];
  const body = (
    <Flex
      vertical
      gap={4}
      style={{
        height: '100%',
        padding: 12,
        borderRadius: 8,
        border: '1px solid var(--ant-color-border-secondary)',
        background: step.state === 'overdue' ? 'var(--ant-color-error-bg)' : undefined,
      }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>
          {index}. {step.title}
        </Typography.Text>
        <Tag color={state.color} style={{ marginInlineEnd: 0 }}>
          {state.label}
        </Tag>
      </Flex>
      <Typography.Text>{step.summary}</Typography.Text>
      {step.hint && (
        <Typography.Text type={step.state === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {step.hint}
        </Typography.Text>
      )}
    </Flex>
  );
  return (
    <li aria-label={`${step.title}：${state.label}`}>
      {step.link ? (
        <Link to={step.link} style={{ color: 'inherit', display: 'block', height: '100%' }}>
          {body}
        </Link>
      ) : (
        body
      )}
    </li>
  );
}
