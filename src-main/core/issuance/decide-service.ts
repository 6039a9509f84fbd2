import type { z } from 'zod';
import type { IssuanceDecideResult, issuanceDecideInput } from '../../../src-shared/api/issuance';
import { maskIdNumber } from '../../../src-shared/domain/id-number';
import { ISSUANCE_STATUS_LABELS } from '../../../src-shared/domain/issuance';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import { confirmOwnPassword } from '../auth/auth-service';
import type { CallContext } from '../call-context';
import { loadSeal } from '../seal/seal-store';
import { checkSignature } from './check-signature';
import { insertSitting, loadRecordsById, type RecordRow } from './issuance-store';
import { localOutcomes, outcomeKey } from './local-outcomes';

type DecideInput = z.output<typeof issuanceDecideInput>;

/** A few names and how many more: a refusal of a batch says whom it is about without a wall of text. */
function named(rows: RecordRow[]): string {
  const shown = rows.slice(0, 5).map((r) => `${r.name}（${maskIdNumber(r.idNumber)}，${r.certificateName}${r.level}）`);
  return rows.length > 5 ? `${shown.join('、')} 等 ${rows.length} 条` : shown.join('、');
}

/**
 * What must hold before anything is asked of the signer: every record exists and waits for its
 * decision; a confirmation needs the seal, and the app's own result of each record a pass (the
 * principal attests the scores are right: a record the app finds not passed is refused, with
 * its reason, or questioned with the organisation).
 */
function checkDecidable(store: Store, input: DecideInput): RecordRow[] {
  const rows = loadRecordsById(store, input.recordIds);
  const found = new Set(rows.map((r) => r.recordId));
  const missing = input.recordIds.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError('NOT_FOUND', `找不到证书发放记录 ${missing.slice(0, 5).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 条` : ''}，请刷新后重新选择。`);
  const decided = rows.filter((r) => r.decision);
  if (decided.length) throw new AppError('STATE', `${named(decided)}已作出签发决定，不可更改，请刷新后重新选择。`);
  if (input.decision === 'refused') return rows;
  if (!loadSeal(store)) throw new AppError('STATE', '尚未上传签名章：确认签发需加盖签名章，请先在“机构管理 → 签名章”中上传。');
  const outcomes = new Map<string, ReturnType<typeof localOutcomes>>();
  const notPassed = rows.filter((r) => {
    if (!outcomes.has(r.planCode)) outcomes.set(r.planCode, localOutcomes(store, r.planCode));
    return outcomes.get(r.planCode)!.get(outcomeKey(r))?.passed !== true;
  });
  if (notPassed.length)
    throw new AppError('STATE', `${named(notPassed)}按本地成绩计算未通过（或成绩未齐），不能确认签发：请核对成绩，或选择“不予签发”并写明原因。`, {
      recordIds: notPassed.map((r) => r.recordId),
    });
  return rows;
}

/**
 * 确认签发 / 不予签发 of one or many records, in one sitting: the password typed again and the
 * signature drawn on screen, then every decision in one transaction with its sitting. Nothing is
 * decided unless all of it holds; once written, the triggers keep it so.
 */
export async function decideIssuance(call: CallContext, input: DecideInput): Promise<IssuanceDecideResult> {
  const { store } = call.app;
  checkDecidable(store, input);
  const signature = await checkSignature(Buffer.from(input.signaturePng, 'base64'));
  await confirmOwnPassword(call, input.password, () => new AppError('VALIDATION', '密码错误，未作任何签发决定。', { field: 'password' }));
  const signedAt = call.app.now().toISOString();
  const reason = input.decision === 'refused' ? input.reason! : null;
  return store.tx(() => {
    // Read again inside the transaction: another window may have decided some of them meanwhile.
    const rows = checkDecidable(store, input);
    const seal = loadSeal(store);
    const sittingId = insertSitting(
      store,
      {
        signerId: call.actor.id,
        signerName: call.session?.user.displayName ?? call.actor.name,
        signedAt,
        signaturePng: signature.png,
        signatureSha256: signature.sha256,
        sealSha256: input.decision === 'confirmed' ? (seal?.sha256 ?? null) : null,
      },
      rows.map((r) => ({ recordId: r.recordId, decision: input.decision, reason })),
    );
    writeAudit(call, {
      operation: 'issuance.decide',
      entityType: 'issuance-sitting',
      entityId: sittingId,
      after: {
        decision: input.decision,
        reason,
        count: rows.length,
        signatureSha256: signature.sha256,
        sealSha256: input.decision === 'confirmed' ? (seal?.sha256 ?? null) : null,
        changes: rows.map((r) => ({
          entity: '证书发放记录',
          key: r.recordId,
          title: `${r.name} ${r.certificateName}（${r.level}）`,
          status: 'changed',
          changes: [{ field: '状态', old: ISSUANCE_STATUS_LABELS.waiting, new: ISSUANCE_STATUS_LABELS[input.decision] }],
        })),
      },
    });
    return { decision: input.decision, decided: rows.length, signedAt };
  });
}
