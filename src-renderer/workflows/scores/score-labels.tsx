import { HistoryOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { ScoreDispute, ScoreRevision, ScoreRow } from '../../../src-shared/api/scores';
import { DISPUTE_CLOSED_LABELS, formatScore } from '../../../src-shared/domain/scores';
import { formatTime } from '../../ui/format';

/** The tone of a status as the list's plain tags draw it (`.vt-tag[data-tone]`). */
export const STATUS_TONES: Record<string, string | undefined> = {
  未到成绩登记: undefined,
  成绩登记中: 'processing',
  公示中: 'warning',
  已锁定: 'success',
  未出成绩: undefined,
};

export const STAGE_COLORS: Record<string, string> = { 未到成绩登记: 'default', 成绩登记中: 'processing', 公示中: 'gold', 已锁定: 'success' };

const minutes = (iso: string) => formatTime(iso).slice(0, 16);

/** A score's earlier values, oldest first, each with when it was issued and when it was replaced. */
export function HistoryList({ history }: { history: ScoreRevision[] }) {
  return (
    <div>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>成绩修改记录</div>
      {history.map((h) => (
        <div key={h.replacedAt + h.issuedAt} style={{ marginBottom: 4 }}>
          <div>原成绩 {formatScore(h.score, h.absent)}</div>
          <div style={{ fontSize: 12, opacity: 0.85 }}>
            {minutes(h.issuedAt)} 发布，{minutes(h.replacedAt)} 更正
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * A score in the list: one decimal, 缺考, or — while none has come. A corrected one carries its
 * history as a tooltip on hover (and on focus): only those cells pay for an antd Tooltip.
 */
export function ScoreValue({ row }: { row: Pick<ScoreRow, 'scoreId' | 'score' | 'absent' | 'history' | 'subjectName' | 'name'> }) {
  if (row.scoreId === null) return <span style={{ color: 'var(--ant-color-text-quaternary)' }}>—</span>;
  const text = row.absent ? (
    <span className="vt-tag" data-tone="error">
      缺考
    </span>
  ) : (
    <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{formatScore(row.score, false)}</span>
  );
  if (!row.history.length) return text;
  return (
    <Tooltip title={<HistoryList history={row.history} />} placement="right" styles={{ root: { maxWidth: 360 } }}>
      <span tabIndex={0} aria-label={`${row.name}${row.subjectName}成绩 ${formatScore(row.score, row.absent)}，已更正，有修改记录`} style={{ cursor: 'help' }}>
        {text} <HistoryOutlined style={{ color: 'var(--ant-color-warning)' }} aria-hidden />
      </span>
    </Tooltip>
  );
}

/** The latest 有异议 flag of a score, in words: open (sent or not yet), or how it closed. */
export function disputeText(d: ScoreDispute | null): { label: string; tone?: string; detail: string } | null {
  if (!d) return null;
  if (d.open) return { label: '有异议', tone: 'orange', detail: d.sentAt ? '已报送' : '待报送' };
  return { label: DISPUTE_CLOSED_LABELS[d.closedReason!], tone: d.closedReason === 'corrected' ? 'success' : undefined, detail: '' };
}

export function DisputeCell({ dispute }: { dispute: ScoreDispute | null }) {
  const t = disputeText(dispute);
  if (!t || !dispute) return null;
  return (
    <span title={`${dispute.note}（${dispute.flaggedBy} ${formatTime(dispute.flaggedAt)}）`}>
      <span className="vt-tag" data-tone={t.tone}>
        {t.label}
      </span>
      {t.detail && <span style={{ marginLeft: 6, fontSize: 12, color: 'var(--ant-color-text-tertiary)' }}>{t.detail}</span>}
    </span>
  );
}
