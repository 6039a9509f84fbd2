import { maskIdNumber } from '../../../src-shared/domain/id-number';
import type { IssuanceListPayload } from '../../../src-shared/domain/issuance-kinds';
import type { Store } from '../../store/store';
import { existingMap, issuedAfterPackage, nameDisagreement, refuseReference, type EntityRecord, type Fields, type InboundModules } from '../packages/kind-module';
import { loadRecords, upsertRecord, type RecordRow } from './issuance-store';
import { planCertificateSubjects, planEnrollees, planExists } from './plan-enrollment';

type Entry = IssuanceListPayload['lists'][number]['entries'][number];

const who = (e: { name: string; idNumber: string }) => `${e.name}（${maskIdNumber(e.idNumber)}）`;

const fieldsOf = (r: { planCode: string; name: string; certificateCode: string; level: string; composite: number | null }): Fields => ({
  考试计划: r.planCode,
  姓名: r.name,
  证书: r.certificateCode,
  等级: r.level,
  平台综合成绩: r.composite === null ? null : r.composite.toFixed(1),
});

const sameFacts = (r: RecordRow, planCode: string, e: Entry) =>
  r.planCode === planCode && r.idNumber === e.idNumber && r.certificateCode === e.certificateCode && r.level === e.level && r.name === e.name && r.composite === e.composite;

interface Known {
  byId: Map<string, RecordRow>;
  byKey: Map<string, RecordRow>;
}

const keyOf = (planCode: string, e: { idNumber: string; certificateCode: string; level: string }) => `${planCode}|${e.idNumber}|${e.certificateCode}|${e.level}`;

/** Why an entry of the list cannot be taken; null when it can (or is already there as it is). */
function entryRefusal(known: Known, planCode: string, e: Entry, enrollees: ReturnType<typeof planEnrollees>, certs: ReturnType<typeof planCertificateSubjects>): string | null {
  const subjects = certs.get(`${e.certificateCode}|${e.level}`);
  if (!subjects) return `考试计划 ${planCode} 没有证书 ${e.certificateCode}（${e.level}）`;
  const enrolled = enrollees.get(e.idNumber);
  if (!enrolled || ![...enrolled.subjects].some((s) => subjects.has(s))) return `${who(e)} 不是本院校报考该计划 ${e.certificateCode}（${e.level}）的考生`;
  const misnamed = nameDisagreement(e.name, enrolled.name, e.idNumber);
  if (misnamed) return `发放记录 ${e.recordId}：${misnamed}`;
  const existing = known.byId.get(e.recordId);
  if (existing && keyOf(existing.planCode, existing) !== keyOf(planCode, e))
    return `发放记录 ${e.recordId} 已是 ${who(existing)} 的 ${existing.certificateCode}（${existing.level}），不能改为另一位考生或证书`;
  if (existing?.decision && !sameFacts(existing, planCode, e)) return `发放记录 ${e.recordId}（${who(existing)}）已作出签发决定，不能再更改`;
  const other = known.byKey.get(keyOf(planCode, e));
  if (other && other.recordId !== e.recordId) return `${who(e)} 的 ${e.certificateCode}（${e.level}）已有发放记录 ${other.recordId}`;
  return null;
}

/**
 * 证书发放名单: the certificates the organisation approved, waiting for the institution's decision.
 * Each entry must be one of this institution's candidates enrolled in that certificate of the
 * plan; a record id stays with its candidate and certificate, and a decided record is never
 * changed. The app's own 考证结果 is set beside each record on the page, not here: the scores
 * may still change until they lock.
 */
export const issuanceListInbound: InboundModules<'issuance-list'> = {
  'issuance-list': {
    dependsOn: [],
    validate: (p, manifest) =>
      issuedAfterPackage(
        'issuance-list',
        manifest,
        p.lists.map((l, i) => ({ path: `lists[${i}].issuedAt`, at: l.issuedAt })),
      ),
    checkReferences(p, ctx) {
      const seen = new Set<string>();
      const seenKeys = new Map<string, string>();
      const records = loadRecords(ctx.store);
      const known: Known = { byId: new Map(records.map((r) => [r.recordId, r])), byKey: new Map(records.map((r) => [keyOf(r.planCode, r), r])) };
      p.lists.forEach((list, i) => {
        if (!planExists(ctx.store, list.planCode)) refuseReference('issuance-list', `lists[${i}].planCode`, `没有考试计划 ${list.planCode}`);
        const enrollees = planEnrollees(ctx.store, list.planCode);
        const certs = planCertificateSubjects(ctx.store, list.planCode);
        list.entries.forEach((e, j) => {
          const path = `lists[${i}].entries[${j}]`;
          if (seen.has(e.recordId)) refuseReference('issuance-list', `${path}.recordId`, `发放记录 ${e.recordId} 在同一个数据包中出现了两次`);
          seen.add(e.recordId);
          const key = keyOf(list.planCode, e);
          const twin = seenKeys.get(key);
          if (twin !== undefined)
            refuseReference('issuance-list', `${path}.recordId`, `${who(e)} 的 ${e.certificateCode}（${e.level}）在同一个数据包中有两条发放记录（${twin} 和 ${e.recordId}）`);
          seenKeys.set(key, e.recordId);
          const refusal = entryRefusal(known, list.planCode, e, enrollees, certs);
          if (refusal) refuseReference('issuance-list', path, refusal);
        });
      });
    },
    records(p, store, now): EntityRecord[] {
      const receivedAt = now.toISOString();
      return p.lists.flatMap((list) => {
        const enrollees = planEnrollees(store, list.planCode);
        return list.entries.map((e) => ({
          kind: 'issuance-list' as const,
          entity: '证书发放记录',
          key: `issuance-record:${e.recordId}`,
          title: `${who(e)} ${e.certificateCode}（${e.level}）`,
          fields: fieldsOf({ planCode: list.planCode, ...e }),
          write: (s: Store) => upsertRecord(s, { ...e, planCode: list.planCode, candidateId: enrollees.get(e.idNumber)!.candidateId, listedAt: list.issuedAt }, receivedAt),
        }));
      });
    },
    existing: (store) => existingMap(loadRecords(store), (r) => `issuance-record:${r.recordId}`, fieldsOf),
  },
};
