import { CLI_ACTOR } from '../../../src-shared/actor';
import type { Contract, OpName } from '../../../src-shared/api';
import type { InputOf } from '../../../src-shared/api/contract';
import type { PaymentBasis } from '../../../src-shared/domain/payment';
import type { AppCore } from '../app-core';
import { invokeAs } from '../dispatch';
import { exportJob } from '../packages/export-job';
import { applyPackageFile } from '../packages/import-service';

export interface DemoPayments {
  confirmed: number;
  pending: number;
}

/** Fees as organisations commonly ask them, in fen: per certificate by level, per subject by level. */
const CERTIFICATE_FEES: Record<string, number> = { 初级: 30_000, 中级: 38_000, 高级: 46_000 };
const SUBJECT_FEES: Record<string, number> = { 初级: 10_000, 中级: 13_000, 高级: 16_000 };

/**
 * 缴费管理 in the demo: whatever enrollments are unpaid and in no order when it runs (it runs
 * after the enrollment step, and does nothing when there are none). Fees are set where the
 * catalog has none; the first plan (by code) is ordered by certificate, the second by subject —
 * or, with one plan, its first subject apart from the rest — and the orders sent: the simulated
 * organisation confirms all but the last (answer-payments.ts), so one order is confirmed and
 * its enrollments paid, and one stays 待确认缴费.
 */
export async function addDemoPayments(app: AppCore, answer: (outbound: string) => Promise<string>, say: (m: string) => void): Promise<DemoPayments> {
  const call = <K extends OpName>(name: K, input: InputOf<Contract[K]>) => invokeAs(app, CLI_ACTOR, name, input);
  const plans = (await call('payments.plans', {})).filter((p) => p.open > 0).slice(0, 2);
  if (!plans.length) return { confirmed: 0, pending: 0 };
  say('设置收费标准，生成缴费单，向平台报送并取回缴费确认…');
  const unset = (await call('fees.list', {})).filter((f) => f.feeFen === null);
  if (unset.length)
    await call('fees.update', {
      fees: unset.map((f) =>
        f.basis === 'certificate'
          ? { key: { basis: 'certificate' as const, certificateCode: f.certificateCode, level: f.level as '初级' }, feeFen: CERTIFICATE_FEES[f.level] ?? 30_000 }
          : { key: { basis: 'subject' as const, subjectCode: f.subjectCode! }, feeFen: SUBJECT_FEES[f.level] ?? 10_000 },
      ),
    });
  const [first, second] = plans;
  const basisOf = (p: (typeof plans)[number], preferred: PaymentBasis): PaymentBasis => p.basis ?? preferred;
  if (second) {
    await call('payments.create', { planCode: first!.code, basis: basisOf(first!, 'certificate') });
    await call('payments.create', { planCode: second.code, basis: basisOf(second, 'subject') });
  } else {
    const basis = basisOf(first!, 'subject');
    const preview = await call('payments.preview', { planCode: first!.code, basis });
    const apart = preview.groups[0];
    if (apart && preview.groups.length > 1)
      await call(
        'payments.create',
        basis === 'subject'
          ? { planCode: first!.code, basis, subjectCode: apart.subjectCode! }
          : { planCode: first!.code, basis, certificateCode: apart.certificateCode, level: apart.level as '初级' },
      );
    await call('payments.create', { planCode: first!.code, basis });
  }
  const exported = await app.jobs.run(exportJob, { kinds: ['payment-orders'] }, { title: '生成数据包', actor: CLI_ACTOR, owner: null });
  await applyPackageFile(app, CLI_ACTOR, await answer(exported.path));
  const { counts } = await call('payments.list', {});
  return { confirmed: counts.confirmed, pending: counts.pending + counts.sent };
}
