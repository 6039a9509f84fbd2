import { maskIdNumber } from '../../../src-shared/domain/id-number';
import type { CertificatesPayload } from '../../../src-shared/domain/issuance-kinds';
import type { Store } from '../../store/store';
import { existingMap, issuedAfterPackage, refuseReference, type EntityRecord, type Fields, type InboundModules } from '../packages/kind-module';
import { insertCertificate, loadCertificates, type IssuedCertificate } from './certificate-store';
import { loadRecords, type RecordRow } from './issuance-store';

type Certificate = CertificatesPayload['certificates'][number];

const fieldsOf = (c: Omit<IssuedCertificate, 'recordId'> | Certificate): Fields => ({
  证书编号: c.number,
  姓名: c.name,
  证书: `${c.certificateName}（${c.level}）`,
  发证日期: c.issuedOn,
  培训评价组织: c.orgName,
});

const sameCertificate = (a: IssuedCertificate, b: Certificate) =>
  (['number', 'recordId', 'planCode', 'idNumber', 'name', 'certificateCode', 'certificateName', 'level', 'orgName', 'issuedOn'] as const).every((k) => a[k] === b[k]);

/** Why the organisation's certificate cannot be taken; null when it can (or is here already, as it is). */
function certificateRefusal(c: Certificate, record: RecordRow | undefined, byNumber: Map<string, IssuedCertificate>, byRecord: Map<string, IssuedCertificate>): string | null {
  if (!record) return `证书 ${c.number} 对应的发放记录 ${c.recordId} 不在本院校的证书发放记录中`;
  if (record.decision !== 'confirmed')
    return `发放记录 ${c.recordId}（${record.name}）${record.decision === 'refused' ? '本院校不予签发' : '本院校尚未确认签发'}，不能发放证书 ${c.number}`;
  if (record.planCode !== c.planCode || record.idNumber !== c.idNumber || record.certificateCode !== c.certificateCode || record.level !== c.level)
    return `证书 ${c.number} 的考生或证书与发放记录 ${c.recordId}（${record.name}，${maskIdNumber(record.idNumber)}，${record.certificateCode} ${record.level}）不一致`;
  if (c.name !== record.name) return `证书 ${c.number} 的持证人姓名“${c.name}”与发放记录 ${c.recordId} 的考生“${record.name}”不一致`;
  const numbered = byNumber.get(c.number);
  if (numbered && !sameCertificate(numbered, c)) return `证书编号 ${c.number} 已发给 ${numbered.name}（${maskIdNumber(numbered.idNumber)}），证书一经发放不能更改`;
  const issued = byRecord.get(c.recordId);
  if (issued && issued.number !== c.number) return `发放记录 ${c.recordId}（${record.name}）已发放证书 ${issued.number}，不能再发证书 ${c.number}`;
  return null;
}

/**
 * 电子证书: what the organisation issued once both sides signed. Only a record this institution
 * confirmed gets one, for the same candidate and certificate; a certificate is final, so a
 * number reused or a record given a second number refuses the package.
 */
export const certificatesInbound: InboundModules<'certificates'> = {
  certificates: {
    dependsOn: ['issuance-list'],
    validate: (p, manifest) =>
      issuedAfterPackage(
        'certificates',
        manifest,
        p.certificates.map((c, i) => ({ path: `certificates[${i}].issuedOn`, at: c.issuedOn })),
      ),
    checkReferences(p, ctx) {
      const records = new Map(loadRecords(ctx.store).map((r) => [r.recordId, r]));
      const issued = loadCertificates(ctx.store);
      const byNumber = new Map(issued.map((c) => [c.number, c]));
      const byRecord = new Map(issued.map((c) => [c.recordId, c]));
      const seenNumbers = new Set<string>();
      const seenRecords = new Set<string>();
      p.certificates.forEach((c, i) => {
        const path = `certificates[${i}]`;
        if (seenNumbers.has(c.number)) refuseReference('certificates', `${path}.number`, `证书编号 ${c.number} 在同一个数据包中出现了两次`);
        if (seenRecords.has(c.recordId)) refuseReference('certificates', `${path}.recordId`, `发放记录 ${c.recordId} 在同一个数据包中发了两张证书`);
        seenNumbers.add(c.number);
        seenRecords.add(c.recordId);
        const refusal = certificateRefusal(c, records.get(c.recordId), byNumber, byRecord);
        if (refusal) refuseReference('certificates', path, refusal);
      });
    },
    records(p, _store, now): EntityRecord[] {
      const receivedAt = now.toISOString();
      return p.certificates.map((c) => ({
        kind: 'certificates' as const,
        entity: '电子证书',
        key: `certificate:${c.number}`,
        title: `${c.name}（${maskIdNumber(c.idNumber)}） ${c.certificateName}（${c.level}）`,
        fields: fieldsOf(c),
        write: (s: Store) => insertCertificate(s, c, receivedAt),
      }));
    },
    existing: (store) => existingMap(loadCertificates(store), (c) => `certificate:${c.number}`, fieldsOf),
  },
};
