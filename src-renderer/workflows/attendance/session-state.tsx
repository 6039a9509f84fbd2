import { Tag } from 'antd';
import type { SessionState } from '../../../src-shared/domain/attendance';

const STATES: Record<SessionState, { label: string; color: string }> = {
  before: { label: '未开始签到', color: 'default' },
  open: { label: '签到中', color: 'processing' },
  ended: { label: '已结束', color: 'default' },
};

export function SessionStateTag({ state }: { state: SessionState }) {
  return <Tag color={STATES[state].color}>{STATES[state].label}</Tag>;
}
