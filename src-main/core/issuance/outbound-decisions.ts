import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { ISSUANCE_DECISION_LABELS } from '../../../src-shared/domain/issuance';
import type { IssuanceDecisionsPayload } from '../../../src-shared/domain/issuance-kinds';
import { institutionDateTime } from '../../../src-shared/domain/institution-time';
import { AppError } from '../../../src-shared/errors';
import type { OutboundModules, OutboundPart } from '../packages/kind-module';
import { loadSittingSignatures, loadUnsentDecisions, markDecisionsSent } from './issuance-store';

/**
 * 签发决定 for the platform: every decision not sent yet, each with its signer and time, and once
 * per sitting the signature drawn in it. The seal is not in it: the platform has no use for it
 * here, and it leaves the principal's hands in no package. Marked sent with the package's history
 * row; the decisions themselves never change.
 */
export const decisionsOutbound: OutboundModules<'issuance-decisions'> = {
  'issuance-decisions': {
    build(store, ctx): OutboundPart<'issuance-decisions'> {
      const unsent = loadUnsentDecisions(store);
      if (!unsent.length) throw new AppError('STATE', '没有待报送的签发决定：请先在“证书发放管理”中确认签发或不予签发。');
      ctx.progress('签发决定', 0, unsent.length);
      const sittings = loadSittingSignatures(store, [...new Set(unsent.map((d) => d.sittingId))]);
      const decisions: IssuanceDecisionsPayload['decisions'] = unsent.map((d) => ({
        recordId: d.recordId,
        planCode: d.planCode,
        idNumber: d.idNumber,
        name: d.name,
        certificateCode: d.certificateCode,
        level: d.level,
        decision: d.decision,
        reason: d.reason,
        sitting: d.sittingId,
        signer: d.signer,
        decidedAt: d.decidedAt,
      }));
      return {
        payload: {
          sittings: sittings.map((s) => ({ sitting: s.id, signer: s.signer, signedAt: s.signedAt, signaturePng: s.png.toString('base64') })),
          decisions,
        },
        count: decisions.length,
        sheet: {
          title: '签发决定',
          columns: ['考试计划', '姓名', '身份证号', '证书', '等级', '决定', '不予签发原因', '签发人', '签发时间'],
          rows: unsent.map((d) => [
            d.planCode,
            d.name,
            maskIdNumber(d.idNumber),
            d.certificateCode,
            d.level,
            ISSUANCE_DECISION_LABELS[d.decision],
            d.reason ?? '',
            d.signer,
            institutionDateTime(new Date(d.decidedAt)),
          ]),
        },
      };
    },
    onSent(store, part, now) {
      const ids = new Set(part.payload.decisions.map((d) => d.recordId));
      markDecisionsSent(
        store,
        loadUnsentDecisions(store)
          .filter((d) => ids.has(d.recordId))
          .map((d) => d.decisionId),
        now.toISOString(),
      );
    },
  },
};
