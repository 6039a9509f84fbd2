import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { SealInfo, SealStatus } from '../../../src-shared/api/seal';
import { SEAL_RULES } from '../../../src-shared/domain/seal';
import { SEAL_AUTHORISATION, sealAuthorisationText } from '../../../src-shared/domain/seal-authorisation';
import { AppError } from '../../../src-shared/errors';
import type { Store } from '../../store/store';
import { writeAudit } from '../audit/audit-log';
import type { CallContext } from '../call-context';
import { checkSeal, sealTooLarge, sealWarnings, type SealCheck } from './check-seal';
import { loadSeal, loadSealPng, saveSeal } from './seal-store';
import { removeSealedPdfs } from './sealed-files';

export function sealStatus(store: Store): SealStatus {
  const s = loadSeal(store);
  const seal: SealInfo | null = s && {
    width: s.width,
    height: s.height,
    size: s.size,
    sha256: s.sha256,
    uploadedAt: s.uploadedAt,
    uploadedBy: s.uploadedBy,
    authorisation: { version: s.authorisationVersion, acceptedAt: s.acceptedAt, acceptedBy: s.acceptedBy },
    warnings: sealWarnings(s.width, s.height),
  };
  return { seal, authorisationVersion: SEAL_AUTHORISATION.version };
}

export function sealImage(store: Store): { dataUrl: string; width: number; height: number } | null {
  const png = loadSealPng(store);
  const s = png && loadSeal(store);
  return png && s ? { dataUrl: `data:image/png;base64,${png.toString('base64')}`, width: s.width, height: s.height } : null;
}

/** The seal a document is stamped with; refused in words when there is none yet. */
export function requireSealPng(store: Store): Buffer {
  const png = loadSealPng(store);
  if (!png) throw new AppError('STATE', '尚未上传签名章：请先在“机构管理 → 签名章”中上传负责人签名章。');
  return png;
}

/** The check's refusal as one error: every problem in its own sentence, and the list for the page. */
function refusal(check: Extract<SealCheck, { ok: false }>): AppError {
  return new AppError('BAD_FILE', `签名章未通过检查：${check.problems.map((p) => p.message).join('')}`, { problems: check.problems });
}

/**
 * 上传签名章: the file checked by content, then saved with the acceptance of the 授权委托书 in
 * one transaction. The old seal is overwritten with SQLite's secure_delete on, so its pages are
 * zeroed rather than left free in the file, and the log is checkpointed so the old frames leave
 * it too; the audit entry names both seals by their hash, never their pixels.
 */
export async function uploadSeal(call: CallContext, input: { fileId: string }): Promise<SealStatus> {
  const { store } = call.app;
  const file = call.app.files.resolve(input.fileId, call.actor);
  const size = statSync(file.path).size;
  const check = size > SEAL_RULES.maxBytes ? sealTooLarge(size) : await checkSeal(readFileSync(file.path));
  if (!check.ok) throw refusal(check);
  const seal = check.seal;
  const at = call.app.now().toISOString();
  const name = call.session?.user.displayName ?? call.actor.name;
  store.db.pragma('secure_delete = ON');
  try {
    store.tx(() => {
      const before = loadSeal(store);
      saveSeal(store, seal, {
        textVersion: SEAL_AUTHORISATION.version,
        textSha256: createHash('sha256').update(sealAuthorisationText()).digest('hex'),
        acceptedBy: call.actor.id,
        acceptedByName: name,
        acceptedAt: at,
      });
      writeAudit(call, {
        operation: 'seal.upload',
        entityType: 'signature-seal',
        entityId: 1,
        before: before && { sha256: before.sha256, size: before.size, width: before.width, height: before.height },
        after: { sha256: seal.sha256, size: seal.size, width: seal.width, height: seal.height, file: file.name, authorisationVersion: SEAL_AUTHORISATION.version },
      });
    });
  } finally {
    store.db.pragma('secure_delete = OFF');
  }
  removeSealedPdfs(call.app.dataDir);
  // A reader holding an old snapshot keeps the log from being emptied now; the next checkpoint does it.
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  return sealStatus(store);
}
