import type { DeclarationReview } from '../../../src-shared/domain/declaration-kinds';
import { DECLARATION_STATUS_LABELS, nextStatus, type DeclarationStatus } from '../../../src-shared/domain/declaration';
import type { Store } from '../../store/store';
import { existingMap, refuseReference, type EntityRecord, type Fields, type InboundModule, type InboundModules } from '../packages/kind-module';
import { loadDeclaration, loadDeclarations, recordReview, type DeclarationRecord } from './declaration-store';

interface Step {
  status: 'city_approved' | 'approved' | 'rejected';
  approvedCount: number | null;
  rejectedStage: 'city' | 'province' | null;
  reason: string | null;
  at: string;
}

/** One review as the move it makes from a status, or why it cannot apply there. */
function stepOf(status: DeclarationStatus, r: DeclarationReview): Step | string {
  const event = r.decision === 'rejected' ? 'reject' : r.stage === 'city' ? 'cityApprove' : 'approve';
  const to = nextStatus(status, event);
  if (!to || to === 'deleted')
    return `申报当前为“${DECLARATION_STATUS_LABELS[status]}”，不能再接受${r.stage === 'city' ? '地市' : '省级'}${r.decision === 'approved' ? '审核通过' : '审核不通过'}的结果`;
  return {
    status: to as Step['status'],
    approvedCount: r.decision === 'approved' && r.stage === 'province' ? r.approvedCount : null,
    rejectedStage: r.decision === 'rejected' ? r.stage : null,
    reason: r.reason,
    at: r.decidedAt,
  };
}

/** A declaration's reviews of this package, in order, folded from where it stands now. */
function fold(d: DeclarationRecord, reviews: DeclarationReview[]): Step[] | string {
  const steps: Step[] = [];
  let status = d.status;
  for (const r of reviews) {
    const step = stepOf(status, r);
    if (typeof step === 'string') return step;
    steps.push(step);
    status = step.status;
  }
  return steps;
}

const fieldsOf = (d: { status: DeclarationStatus; approvedCount: number | null; reason: string | null }): Fields => ({
  状态: DECLARATION_STATUS_LABELS[d.status],
  已批准培训人数: d.approvedCount,
  审核意见: d.reason,
});

function byDeclaration(reviews: DeclarationReview[]): Map<number, DeclarationReview[]> {
  const map = new Map<number, DeclarationReview[]>();
  for (const r of reviews) map.set(r.declarationId, [...(map.get(r.declarationId) ?? []), r]);
  return map;
}

/** The package again after it applied: what it says is what the store already holds. */
function alreadyApplied(d: DeclarationRecord, reviews: DeclarationReview[]): boolean {
  const last = reviews[reviews.length - 1]!;
  const status: DeclarationStatus = last.decision === 'rejected' ? 'rejected' : last.stage === 'city' ? 'city_approved' : 'approved';
  return d.status === status && d.decidedAt === last.decidedAt;
}

/**
 * 申报审核结果: the city's and the province's decisions on declarations this institution sent. A
 * review for a declaration it never sent, or one the declaration's state cannot take, refuses the
 * whole package, naming the declaration.
 */
export const declarationReviewsKind: InboundModule<'declaration-reviews'> = {
  dependsOn: [],
  checkReferences(p, ctx) {
    const first = new Map<number, number>();
    p.reviews.forEach((r, i) => first.has(r.declarationId) || first.set(r.declarationId, i));
    for (const [id, reviews] of byDeclaration(p.reviews)) {
      const path = `reviews[${first.get(id)}].declarationId`;
      const d = loadDeclaration(ctx.store, id);
      if (!d || !d.sentAt) refuseReference('declaration-reviews', path, `申报 ${id} 不是本院校报送过的证书试点申报`);
      if (alreadyApplied(d, reviews)) continue;
      const folded = fold(d, reviews);
      if (typeof folded === 'string') refuseReference('declaration-reviews', path, `申报 ${id}：${folded}`);
    }
  },
  records(p, store): EntityRecord[] {
    const certs = new Map(store.all(store.q.selectFrom('certificates').select(['code', 'name'])).map((c) => [c.code, c.name]));
    return [...byDeclaration(p.reviews)].flatMap(([id, reviews]) => {
      const d = loadDeclaration(store, id);
      if (!d) return [];
      const title = `申报 ${id}：${certs.get(d.certificateCode) ?? d.certificateCode} ${d.level}`;
      if (alreadyApplied(d, reviews)) return [{ kind: 'declaration-reviews', entity: '证书试点申报', key: `declaration:${id}`, title, fields: fieldsOf(d), write: () => {} }];
      const steps = fold(d, reviews) as Step[];
      const last = steps[steps.length - 1]!;
      return [
        {
          kind: 'declaration-reviews',
          entity: '证书试点申报',
          key: `declaration:${id}`,
          title,
          fields: fieldsOf({ status: last.status, approvedCount: last.approvedCount, reason: last.reason }),
          write: (s: Store) => steps.forEach((step) => recordReview(s, id, step)),
        },
      ];
    });
  },
  existing: (store) => existingMap(loadDeclarations(store), (d) => `declaration:${d.id}`, fieldsOf),
};

export const declarationInbound: InboundModules<'declaration-reviews'> = { 'declaration-reviews': declarationReviewsKind };
