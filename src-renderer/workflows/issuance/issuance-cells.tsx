import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { IssuanceRow, LocalOutcome } from '../../../src-shared/api/issuance';
import { ISSUANCE_STATUS_LABELS, type IssuanceStatus } from '../../../src-shared/domain/issuance';
import { formatTime } from '../../ui/format';

const COLORS: Record<IssuanceStatus, string> = { waiting: 'processing', confirmed: 'success', refused: 'error' };

export function IssuanceStatusCell({ row }: { row: IssuanceRow }) {
  const d = row.decision;
  return (
    <Flex vertical gap={2} align="flex-start">
      <Tag color={COLORS[row.status]}>{ISSUANCE_STATUS_LABELS[row.status]}</Tag>
      {d && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.signer} {formatTime(d.decidedAt)}
          {d.sentAt ? ' · 已报送' : ' · 待报送'}
        </Typography.Text>
      )}
      {d?.reason && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          原因：{d.reason}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The app's own 考证结果 beside the platform's list: a disagreement shows, never hides. */
export function LocalOutcomeCell({ local }: { local: LocalOutcome | null }) {
  if (!local) return <Typography.Text type="secondary">本地无该证书的报考</Typography.Text>;
  if (local.passed === null)
    return (
      <Tooltip title={local.reasons.join('；')}>
        <Tag>成绩未齐</Tag>
      </Tooltip>
    );
  const composite = local.composite === null ? '' : ` ${local.composite.toFixed(1)}`;
  return local.passed ? (
    <Tag color="success">通过{composite}</Tag>
  ) : (
    <Tooltip title={local.reasons.join('；')}>
      <Tag color="error">未通过{composite}</Tag>
    </Tooltip>
  );
}
