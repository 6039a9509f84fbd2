import type { DeclarationReview, DeclarationsPayload } from '../../../src-shared/domain/declaration-kinds';
import type { Answerer } from './answerers';

const REJECTION = '师资条件不足：持有本证书的专任教师少于 2 人，且未说明实训场地的设备配置。';

/**
 * The province (and first the city, where the plan asks for it) reviews the declarations: in id
 * order, one in two approved as asked, the others cut to 80%; when two or more come in, the last
 * is rejected with a reason. The same package gets the same answer.
 */
export const answerDeclarations: Answerer = (payload, ctx) => {
  const { declarations } = payload as DeclarationsPayload;
  const sorted = [...declarations].sort((a, b) => a.id - b.id);
  const at = ctx.now.toISOString();
  const reviews: DeclarationReview[] = sorted.flatMap((d, i) => {
    const rejected = sorted.length >= 2 && i === sorted.length - 1;
    const city: DeclarationReview[] = d.cityApproval
      ? [{ declarationId: d.id, stage: 'city', decision: rejected ? 'rejected' : 'approved', approvedCount: null, reason: rejected ? REJECTION : null, decidedAt: at }]
      : [];
    if (rejected && d.cityApproval) return city;
    if (rejected) return [{ declarationId: d.id, stage: 'province', decision: 'rejected', approvedCount: null, reason: REJECTION, decidedAt: at }];
    const approvedCount = i % 2 === 0 ? d.proposedCount : Math.max(1, Math.floor(d.proposedCount * 0.8));
    return [
      ...city,
      { declarationId: d.id, stage: 'province', decision: 'approved', approvedCount, reason: approvedCount < d.proposedCount ? '按本省试点规模核减' : null, decidedAt: at },
    ];
  });
  return { 'declaration-reviews': { reviews } };
};
