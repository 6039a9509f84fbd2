import type { FeeRow } from '../../../src-shared/api/payments';
import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import { formatYuan, groupLabel } from '../../../src-shared/domain/payment';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { feeKeyOf, loadFees, setFee, type FeeKey } from './fee-store';

const levelOrder = (level: string) => (CERT_LEVELS as readonly string[]).indexOf(level);

/**
 * 收费标准: every certificate level and every subject of the catalog with the organisation's fee,
 * if one is set. The catalog carries no fees, so the school enters what the organisation asks.
 */
export function listFees(store: Store): FeeRow[] {
  const fees = loadFees(store);
  const orgs = new Map(store.all(store.q.selectFrom('organisations').select(['code', 'name'])).map((o) => [o.code, o.name]));
  const certs = store.all(store.q.selectFrom('certificates').select(['code', 'name', 'org_code', 'levels_json']).orderBy('code'));
  const certName = new Map(certs.map((c) => [c.code, c]));
  const byCertificate: FeeRow[] = certs.flatMap((c) =>
    (JSON.parse(c.levels_json) as string[]).map((level) => ({
      basis: 'certificate' as const,
      certificateCode: c.code,
      certificateName: c.name,
      level,
      subjectCode: null,
      subjectName: null,
      orgName: orgs.get(c.org_code) ?? c.org_code,
      feeFen: fees.get(feeKeyOf({ basis: 'certificate', certificateCode: c.code, level })) ?? null,
    })),
  );
  const bySubject: FeeRow[] = store
    .all(store.q.selectFrom('exam_subjects').select(['code', 'name', 'certificate_code', 'level']))
    .map((s) => {
      const c = certName.get(s.certificate_code);
      return {
        basis: 'subject' as const,
        certificateCode: s.certificate_code,
        certificateName: c?.name ?? s.certificate_code,
        level: s.level,
        subjectCode: s.code,
        subjectName: s.name,
        orgName: c ? (orgs.get(c.org_code) ?? c.org_code) : '',
        feeFen: fees.get(feeKeyOf({ basis: 'subject', subjectCode: s.code })) ?? null,
      };
    })
    .sort((a, b) => a.certificateCode.localeCompare(b.certificateCode) || levelOrder(a.level) - levelOrder(b.level) || a.subjectCode.localeCompare(b.subjectCode));
  return [...byCertificate, ...bySubject];
}

const rowKey = (r: FeeRow): string =>
  feeKeyOf(r.basis === 'certificate' ? { basis: 'certificate', certificateCode: r.certificateCode, level: r.level } : { basis: 'subject', subjectCode: r.subjectCode! });

/** Changing a fee changes no order already made: each line keeps the fee it was made with. */
export function updateFees(call: CallContext, input: { fees: { key: FeeKey; feeFen: number | null }[] }): FeeRow[] {
  const { store } = call.app;
  return store.tx(() => {
    const rows = new Map(listFees(store).map((r) => [rowKey(r), r]));
    const before: Record<string, string | null> = {};
    const after: Record<string, string | null> = {};
    const at = call.app.now().toISOString();
    for (const { key, feeFen } of input.fees) {
      const row = rows.get(feeKeyOf(key));
      if (!row)
        throw new AppError(
          'VALIDATION',
          key.basis === 'certificate'
            ? `证书目录中没有“${key.certificateCode}”的${key.level}证书，不能设置收费标准。`
            : `证书目录中没有编码为 ${key.subjectCode} 的考试科目，不能设置收费标准。`,
        );
      if (row.feeFen === feeFen) continue;
      const label = groupLabel(row);
      before[label] = row.feeFen === null ? null : `${formatYuan(row.feeFen)} 元`;
      after[label] = feeFen === null ? null : `${formatYuan(feeFen)} 元`;
      setFee(store, key, feeFen, at);
    }
    if (Object.keys(after).length) writeAudit(call, { operation: 'fees.update', entityType: 'fee', before, after });
    return listFees(store);
  });
}
