import { borrowedText, nextSiteStatus, SITE_STATUS_LABELS, type SiteStatus } from '../../../src-shared/domain/exam-site';
import type { SiteReview } from '../../../src-shared/domain/site-kinds';
import type { Store } from '../../store/store';
import { existingMap, refuseReference, type EntityRecord, type Fields, type InboundModules } from '../packages/kind-module';
import { loadSite, loadSites, recordSiteReview, type SiteRecord } from './site-store';

const EVENTS = { approved: 'approve', rejected: 'reject', borrowed: 'borrow' } as const;
const DECISION_LABELS = { approved: '审核通过', rejected: '审核不通过', borrowed: '借考' } as const;

const fieldsOf = (s: { status: SiteStatus; reason: string | null; borrowed: SiteRecord['borrowed'] }): Fields => ({
  状态: SITE_STATUS_LABELS[s.status],
  审核意见: s.reason,
  借考安排: s.status === 'borrowed' && s.borrowed ? borrowedText(s.borrowed) : null,
});

/** The package again after it applied: what it says is what the store already holds. */
const alreadyApplied = (s: SiteRecord, r: SiteReview) => s.status === r.decision && s.decidedAt === r.decidedAt;

/**
 * 考核站点审核结果: the evaluation organisations' decisions on the sites this institution sent —
 * approved, rejected with a reason, or 借考 at another institution's site. A review for a site it
 * never sent, one reviewed twice in the package, or one its state cannot take refuses the whole
 * package, naming the site.
 */
export const siteInbound: InboundModules<'site-reviews'> = {
  'site-reviews': {
    dependsOn: [],
    checkReferences(p, ctx) {
      const seen = new Set<number>();
      p.reviews.forEach((r, i) => {
        const path = `reviews[${i}].siteId`;
        if (seen.has(r.siteId)) refuseReference('site-reviews', path, `考核站点 ${r.siteId} 在同一个数据包中有两条审核结果`);
        seen.add(r.siteId);
        const site = loadSite(ctx.store, r.siteId);
        if (!site) refuseReference('site-reviews', path, `考核站点 ${r.siteId} 不是本院校申报的考核站点`);
        if (!site.sentAt) refuseReference('site-reviews', path, `考核站点 ${r.siteId}（${site.name}）还没有报送给平台，不能接受审核结果`);
        if (alreadyApplied(site, r)) return;
        if (!nextSiteStatus(site.status, EVENTS[r.decision]))
          refuseReference('site-reviews', path, `考核站点 ${r.siteId}（${site.name}）当前为“${SITE_STATUS_LABELS[site.status]}”，不能再接受“${DECISION_LABELS[r.decision]}”的结果`);
      });
    },
    records(p, store): EntityRecord[] {
      return p.reviews.flatMap((r) => {
        const site = loadSite(store, r.siteId);
        if (!site) return [];
        const base = { kind: 'site-reviews' as const, entity: '考核站点', key: `site:${site.id}`, title: `考核站点 ${site.id}：${site.name}` };
        if (alreadyApplied(site, r)) return [{ ...base, fields: fieldsOf(site), write: () => {} }];
        const outcome = { status: r.decision, reason: r.reason, borrowed: r.borrowed, at: r.decidedAt };
        return [{ ...base, fields: fieldsOf(outcome), write: (s: Store) => recordSiteReview(s, site.id, outcome) }];
      });
    },
    existing: (store) => existingMap(loadSites(store), (s) => `site:${s.id}`, fieldsOf),
  },
};
