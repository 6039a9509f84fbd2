import { createHash } from 'node:crypto';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import type { CertificatesPayload, IssuanceDecisionsPayload } from '../../../src-shared/domain/issuance-kinds';
import type { Answerer } from './answerers';

const LEVEL_DIGIT: Record<string, string> = { 初级: '1', 中级: '2', 高级: '3' };

/**
 * The certificate number the organisation gives a record: the certificate, its level, the year
 * of the decision and eight digits from the record id — deterministic, so a test knows it.
 */
export function certificateNumberOf(d: { recordId: string; certificateCode: string; level: string; decidedAt: string }): string {
  const digits = (BigInt(`0x${createHash('sha256').update(d.recordId).digest('hex').slice(0, 12)}`) % 100_000_000n).toString().padStart(8, '0');
  return `${d.certificateCode}${LEVEL_DIGIT[d.level] ?? '0'}${institutionDate(new Date(d.decidedAt)).slice(0, 4)}${digits}`;
}

/**
 * Both sides have signed: the organisation issues an electronic certificate for every record the
 * institution confirmed (不予签发 gets none: the organisation takes it up with the institution),
 * named and numbered from its catalog, dated the day of the answer.
 */
export const answerIssuance: Answerer = (payload, ctx) => {
  const { decisions } = payload as IssuanceDecisionsPayload;
  const { scenario } = ctx.platform;
  const confirmed = decisions.filter((d) => d.decision === 'confirmed');
  if (!confirmed.length) return {};
  const issuedOn = institutionDate(ctx.now);
  const certificates: CertificatesPayload['certificates'] = confirmed.map((d) => {
    const cert = scenario.certificates.find((c) => c.code === d.certificateCode);
    const org = scenario.organisations.find((o) => o.code === cert?.orgCode);
    return {
      number: certificateNumberOf(d),
      recordId: d.recordId,
      planCode: d.planCode,
      idNumber: d.idNumber,
      name: d.name,
      certificateCode: d.certificateCode,
      certificateName: cert?.name ?? d.certificateCode,
      level: d.level,
      orgName: org?.name ?? '培训评价组织',
      issuedOn,
    };
  });
  return { certificates: { certificates } };
};
