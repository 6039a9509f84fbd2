import { Tag } from 'antd';
import type { OpName } from '../../../src-shared/api';
import { SITE_STATUS_LABELS, type SiteStatus } from '../../../src-shared/domain/exam-site';

const COLORS: Record<SiteStatus, string> = { draft: 'default', submitted: 'processing', approved: 'success', rejected: 'error', borrowed: 'warning' };

export function SiteStatusTag({ status }: { status: SiteStatus }) {
  return <Tag color={COLORS[status]}>{SITE_STATUS_LABELS[status]}</Tag>;
}

/** What a change to a site can alter: refetched after a save, a submit or a delete. */
export const SITE_QUERIES: OpName[] = ['sites.list', 'sites.get', 'rooms.list', 'rooms.plans', 'capacity.get'];

/** What a change to a plan's rooms can alter. */
export const ROOM_QUERIES: OpName[] = ['rooms.list', 'rooms.plans', 'capacity.get'];
