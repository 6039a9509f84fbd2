import type { SiteDeclarationPayload, SiteReview } from '../../../src-shared/domain/site-kinds';
import type { Answerer } from './answerers';

/** A 考点简介 shorter than this says too little about rooms, equipment and staff to be approved. */
export const MIN_DESCRIPTION_CHARS = 30;

export const SHORT_DESCRIPTION_REASON = `考点简介过于简单（不足 ${MIN_DESCRIPTION_CHARS} 字）：请说明考场数量、设备配置和考务人员情况后重新申报。`;

/**
 * The evaluation organisation reviews each declared site on its own, so tests and the demo can
 * show every outcome:
 * 1. 考点简介 shorter than MIN_DESCRIPTION_CHARS characters → rejected, with SHORT_DESCRIPTION_REASON;
 * 2. otherwise, a site declaring a certificate the scenario lists in `borrowedSites` (equipment
 *    the school lacks: the default scenario's 汽车运用与维修 needs a vehicle workshop) → 借考 at
 *    the site listed for the first such certificate (by certificate code);
 * 3. otherwise → approved.
 * The same package gets the same answer.
 */
export const answerSites: Answerer = (payload, ctx) => {
  const { sites } = payload as SiteDeclarationPayload;
  const decidedAt = ctx.now.toISOString();
  const reviews = [...sites]
    .sort((a, b) => a.id - b.id)
    .map((site): SiteReview => {
      if ([...site.description].length < MIN_DESCRIPTION_CHARS) return { siteId: site.id, decision: 'rejected', reason: SHORT_DESCRIPTION_REASON, borrowed: null, decidedAt };
      const codes = site.certificates.map((c) => c.code).sort();
      const lent = codes.map((code) => ctx.platform.scenario.borrowedSites.find((b) => b.certificateCode === code)).find((b) => b !== undefined);
      if (lent) return { siteId: site.id, decision: 'borrowed', reason: null, borrowed: { site: lent.site, institution: lent.institution, address: lent.address }, decidedAt };
      return { siteId: site.id, decision: 'approved', reason: null, borrowed: null, decidedAt };
    });
  return { 'site-reviews': { reviews } };
};
