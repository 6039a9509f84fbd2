import { createHash } from 'node:crypto';
import type { IssuanceListPayload } from '../../../src-shared/domain/issuance-kinds';
import type { ResultsPayload } from '../../../src-shared/domain/score-kinds';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** The platform's key of a 证书发放记录: the same plan, person, certificate and level always get the same one. */
export function issuanceRecordId(planCode: string, e: { idNumber: string; certificateCode: string; level: string }): string {
  return `FF-${digest(`${planCode}|${e.idNumber}|${e.certificateCode}|${e.level}`).slice(0, 16).toUpperCase()}`;
}

/**
 * 证书发放管理 on the organisation's side: from its own 考证结果, every pass of each plan as a
 * 证书发放记录 waiting for the institution's decision (the organisation has already signed). Pure:
 * the same results give the same list, record ids and all; the list is dated with the results.
 */
export function issuanceListFor(results: ResultsPayload): IssuanceListPayload {
  return {
    lists: results.results.map((r) => ({
      planCode: r.planCode,
      issuedAt: r.issuedAt,
      entries: r.entries
        .filter((e) => e.passed)
        .map((e) => ({
          recordId: issuanceRecordId(r.planCode, e),
          idNumber: e.idNumber,
          name: e.name,
          certificateCode: e.certificateCode,
          level: e.level,
          composite: e.composite,
        })),
    })),
  };
}
