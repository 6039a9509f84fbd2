import { CERT_LEVELS } from '../../../src-shared/domain/catalog';
import { groupLabel, type PaymentBasis, type PaymentGroup } from '../../../src-shared/domain/payment';
import type { Store } from '../../store/store';
import { feeKeyOf, type FeeBook } from './fee-store';
import { chargeKey, type LineDraft, type OpenEnrollment } from './payment-store';

/**
 * How enrollments become an order's lines, with no I/O: a selection, an imported sheet and the
 * tests build lines the same way. By certificate, one line per candidate and enrolled
 * certificate (and level), paying for each of its subjects; by subject, one line per enrolled
 * subject.
 */
export interface CatalogNames {
  certificates: ReadonlyMap<string, string>;
  subjects: ReadonlyMap<string, string>;
}

export function catalogNames(store: Store): CatalogNames {
  return {
    certificates: new Map(store.all(store.q.selectFrom('certificates').select(['code', 'name'])).map((c) => [c.code, c.name])),
    subjects: new Map(store.all(store.q.selectFrom('exam_subjects').select(['code', 'name'])).map((s) => [s.code, s.name])),
  };
}

export interface BuiltLines {
  /** A line without a fee carries feeFen 0 and its item is in `missingFees`: never written. */
  lines: LineDraft[];
  missingFees: string[];
  notes: string[];
}

const levelOrder = (level: string) => (CERT_LEVELS as readonly string[]).indexOf(level);

/** Lines in their group's order (certificate, level, subject), each group in the order its enrollments were made. */
function byGroup(a: LineDraft, b: LineDraft): number {
  return (
    a.certificateCode.localeCompare(b.certificateCode) ||
    levelOrder(a.level) - levelOrder(b.level) ||
    (a.subjectCode ?? '').localeCompare(b.subjectCode ?? '') ||
    a.enrollmentIds[0]! - b.enrollmentIds[0]!
  );
}

function itemLabel(names: CatalogNames, certificateCode: string, level: string, subjectCode: string | null): string {
  return groupLabel({
    certificateName: names.certificates.get(certificateCode) ?? certificateCode,
    level,
    subjectCode,
    subjectName: subjectCode ? (names.subjects.get(subjectCode) ?? subjectCode) : null,
  });
}

export function buildLines(
  basis: PaymentBasis,
  enrollments: readonly OpenEnrollment[],
  ctx: { fees: FeeBook; names: CatalogNames; charged: ReadonlyMap<string, string> },
): BuiltLines {
  const feeOf = (certificateCode: string, level: string, subjectCode: string | null): number =>
    ctx.fees.get(subjectCode ? feeKeyOf({ basis: 'subject', subjectCode }) : feeKeyOf({ basis: 'certificate', certificateCode, level })) ?? 0;
  const notes: string[] = [];
  let lines: LineDraft[];
  if (basis === 'subject') {
    lines = enrollments.map((e) => ({
      candidateId: e.candidateId,
      idNumber: e.idNumber,
      name: e.name,
      certificateCode: e.certificateCode,
      level: e.level,
      subjectCode: e.subjectCode,
      feeFen: feeOf(e.certificateCode, e.level, e.subjectCode),
      enrollmentIds: [e.id],
    }));
  } else {
    const byCertificate = new Map<string, LineDraft>();
    const alreadyCharged = new Map<string, number>();
    for (const e of enrollments) {
      const key = chargeKey(e.candidateId, e.certificateCode, e.level);
      const earlier = ctx.charged.get(key);
      if (earlier) {
        alreadyCharged.set(earlier, (alreadyCharged.get(earlier) ?? 0) + 1);
        continue;
      }
      const line = byCertificate.get(key);
      if (line) line.enrollmentIds.push(e.id);
      else
        byCertificate.set(key, {
          candidateId: e.candidateId,
          idNumber: e.idNumber,
          name: e.name,
          certificateCode: e.certificateCode,
          level: e.level,
          subjectCode: null,
          feeFen: 0,
          enrollmentIds: [e.id],
        });
    }
    lines = [...byCertificate.values()];
    for (const l of lines) l.feeFen = feeOf(l.certificateCode, l.level, null);
    for (const [orderNo, n] of alreadyCharged) notes.push(`有 ${n} 条报考所属的考生证书已在缴费单 ${orderNo} 中按证书计费，不再计入。`);
  }
  lines.sort(byGroup);
  const missing = new Set(lines.filter((l) => l.feeFen === 0).map((l) => itemLabel(ctx.names, l.certificateCode, l.level, l.subjectCode)));
  return { lines, missingFees: [...missing], notes };
}

/** Lines grouped by what they charge for, at one fee each: the order's counts and subtotals. */
export function groupsOf(lines: readonly Pick<LineDraft, 'certificateCode' | 'level' | 'subjectCode' | 'feeFen'>[], names: CatalogNames): PaymentGroup[] {
  const groups = new Map<string, PaymentGroup>();
  for (const l of lines) {
    const key = `${l.certificateCode}/${l.level}/${l.subjectCode ?? ''}/${l.feeFen}`;
    const g = groups.get(key);
    if (g) {
      g.count++;
      g.subtotalFen += l.feeFen;
      continue;
    }
    groups.set(key, {
      key,
      certificateCode: l.certificateCode,
      certificateName: names.certificates.get(l.certificateCode) ?? l.certificateCode,
      level: l.level,
      subjectCode: l.subjectCode,
      subjectName: l.subjectCode ? (names.subjects.get(l.subjectCode) ?? l.subjectCode) : null,
      count: 1,
      feeFen: l.feeFen,
      subtotalFen: l.feeFen,
    });
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.certificateCode.localeCompare(b.certificateCode) ||
      levelOrder(a.level) - levelOrder(b.level) ||
      (a.subjectCode ?? '').localeCompare(b.subjectCode ?? '') ||
      a.feeFen - b.feeFen,
  );
}
