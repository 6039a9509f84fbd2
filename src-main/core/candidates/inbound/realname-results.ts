import { maskIdNumber } from '../../../../src-shared/domain/id-number';
import { existingMap, type EntityRecord, type InboundModule } from '../../packages/kind-module';
import type { Store } from '../../../store/store';
import { setRealnameResult } from '../candidate-store';

const STATUS_LABELS: Record<string, string> = { unverified: '未认证', verified: '已认证', failed: '认证失败', confirmed: '人工确认' };

function realnameRows(store: Store) {
  return store.db.prepare('SELECT id_number, realname_status, realname_reason FROM candidates').all() as {
    id_number: string;
    realname_status: string;
    realname_reason: string | null;
  }[];
}

/**
 * 实名认证结果: updates candidates we sent. A result for someone no longer in the store is passed
 * over; a failure never undoes a school's 人工确认 (the same package again must change nothing).
 */
export const realnameResultsKind: InboundModule<'realname-results'> = {
  dependsOn: [],
  records: (p, store): EntityRecord[] => {
    const known = new Map(realnameRows(store).map((r) => [r.id_number, r.realname_status]));
    return p.results
      .filter((r) => known.has(r.idNumber))
      .map((r) => {
        const keepConfirmed = r.status === 'failed' && known.get(r.idNumber) === 'confirmed';
        const status = keepConfirmed ? 'confirmed' : r.status;
        const reason = keepConfirmed ? null : r.status === 'failed' ? (r.reason ?? '认证未通过') : null;
        return {
          kind: 'realname-results',
          entity: '实名认证',
          key: `realname:${r.idNumber}`,
          title: `${r.name}（${maskIdNumber(r.idNumber)}）`,
          fields: { 认证状态: STATUS_LABELS[status], 原因: reason },
          write: (s) => setRealnameResult(s, r.idNumber, status, reason),
        };
      });
  },
  existing: (store) =>
    existingMap(
      realnameRows(store),
      (c) => `realname:${c.id_number}`,
      (c) => ({ 认证状态: STATUS_LABELS[c.realname_status], 原因: c.realname_reason }),
    ),
};
