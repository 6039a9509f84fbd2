import { Tag } from 'antd';
import { RESULT_CHECK_LABELS, verdictLabel, type ResultCheckStatus } from '../../../src-shared/domain/certificate-results';

const VERDICT_COLORS = { 通过: 'success', 未通过: 'error', 成绩未齐: 'default' } as const;
const CHECK_COLORS: Record<ResultCheckStatus, string> = { agree: 'success', disagree: 'error', awaiting: 'default' };

/** 通过 / 未通过 / 成绩未齐. */
export function VerdictTag({ passed }: { passed: boolean | null }) {
  const label = verdictLabel(passed);
  return <Tag color={VERDICT_COLORS[label as keyof typeof VERDICT_COLORS]}>{label}</Tag>;
}

/** 一致 / 不一致 / 待平台结果. */
export function CheckTag({ status }: { status: ResultCheckStatus }) {
  return <Tag color={CHECK_COLORS[status]}>{RESULT_CHECK_LABELS[status]}</Tag>;
}
