import { Flex, Tag, Tooltip } from 'antd';
import { REALNAME_LABELS, type RealnameStatus } from '../../../src-shared/domain/candidate';

const REALNAME_COLORS: Record<RealnameStatus, 'default' | 'success' | 'error' | 'processing'> = {
  unverified: 'default',
  verified: 'success',
  failed: 'error',
  confirmed: 'processing',
};

export function RealnameTag({ status, reason }: { status: RealnameStatus; reason?: string | null }) {
  const tag = <Tag color={REALNAME_COLORS[status]}>{REALNAME_LABELS[status]}</Tag>;
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

/** The same tags for a list's cells: plain spans in the tag's look (`.vt-tag`), the platform's reason as their title. */
export function RealnameCellTag({ status, reason }: { status: RealnameStatus; reason?: string | null }) {
  return (
    <span className="vt-tag" data-tone={REALNAME_COLORS[status]} title={reason ?? undefined}>
      {REALNAME_LABELS[status]}
    </span>
  );
}

/** What keeps a candidate from enrolling (`missing` from the server), as short tags; the rest in a tooltip. */
export function MissingTags({ missing, max = 3 }: { missing: string[]; max?: number }) {
  if (missing.length === 0) return <Tag color="success">信息完整</Tag>;
  const shown = missing.slice(0, max);
  const rest = missing.slice(max);
  return (
    <Flex gap={4} wrap={false} style={{ overflow: 'hidden' }}>
      {shown.map((m) => (
        <Tag key={m} color={m.includes('实名') ? 'warning' : 'orange'} style={{ marginInlineEnd: 0 }}>
          {m.includes('实名') ? m : `缺${m}`}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map((m) => (m.includes('实名') ? m : `缺${m}`)).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{rest.length}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
