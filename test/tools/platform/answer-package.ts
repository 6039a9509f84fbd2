import { readPackage, type VerifiedPackage } from '../../../src-main/pipelines/packages/read-package';
import type { WrittenPackage } from '../../../src-main/pipelines/packages/write-package';
import { walkZip } from '../../../src-main/pipelines/zip/safe-zip';
import { MANIFEST_FILE } from '../../../src-shared/domain/package';
import { AppError } from '../../../src-shared/errors';
import { answerKinds, type Answer } from './answerers';
import { issuePackage } from './issue-package';
import type { Platform } from './platform';

const PEEK_LIMITS = { maxEntries: 10_000, maxEntryBytes: 1024 * 1024, maxTotalBytes: 1024 * 1024 };

/**
 * Who a package claims to come from. readPackage checks a package against the institution it
 * expects; the platform expects whoever sent it, so it asks the manifest first (readPackage
 * then checks everything, this claim included).
 */
export async function claimedSender(path: string, fileName: string): Promise<{ institutionCode: string; fromPlatform: boolean }> {
  const claim = { institutionCode: '', fromPlatform: false };
  await walkZip(path, `数据包 ${fileName} `, PEEK_LIMITS, async (entry) => {
    if (entry.name !== MANIFEST_FILE) return;
    try {
      const manifest = JSON.parse((await entry.read()).toString('utf8')) as { institutionCode?: unknown; sender?: { type?: unknown } };
      if (typeof manifest?.institutionCode === 'string') claim.institutionCode = manifest.institutionCode;
      claim.fromPlatform = manifest?.sender?.type === 'platform';
    } catch {
      // readPackage names what is wrong with the manifest.
    }
  });
  return claim;
}

/** Verifies an institution's outbound package completely, as the platform would on receipt. */
export async function readOutbound(path: string, fileName: string): Promise<VerifiedPackage> {
  const { institutionCode, fromPlatform } = await claimedSender(path, fileName);
  // Said plainly, rather than as the unknown-key refusal its platform signature would bring.
  if (fromPlatform) throw new AppError('BAD_FILE', `${fileName} 是平台发给院校的数据包，不是院校发出的数据包，平台不回复它。`, { file: MANIFEST_FILE });
  return readPackage(path, fileName, { institutionCode, trustedKeys: [], allowUnsigned: true, direction: 'out' });
}

export interface AnswerResult {
  incoming: VerifiedPackage;
  answer: Answer;
  /** Null when no kind of the package has an answer. */
  written: WrittenPackage | null;
}

/** `catalogDay`: the day the institution's catalog was issued, when the answer comes on a later day (default: the day of `now`). */
export async function answerPackage(platform: Platform, incoming: VerifiedPackage, out: string, now = new Date(), catalogDay?: string): Promise<AnswerResult> {
  const answer = await answerKinds(incoming, platform, now, catalogDay);
  if (!answer.answered.length) return { incoming, answer, written: null };
  const written = await issuePackage(platform, answer.kinds, { institutionCode: incoming.manifest.institutionCode, out, now });
  return { incoming, answer, written };
}
