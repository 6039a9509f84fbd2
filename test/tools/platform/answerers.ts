import type { VerifiedPackage } from '../../../src-main/pipelines/packages/read-package';
import { type Manifest } from '../../../src-shared/domain/package';
import { PACKAGE_KINDS, type PackageKind } from '../../../src-shared/domain/package-kinds';
import { AppError } from '../../../src-shared/errors';
import { answerAttendance } from './answer-attendance';
import { answerCandidates } from './answer-candidates';
import { answerDeclarations } from './answer-declarations';
import { answerEnrollments } from './answer-enrollments';
import { answerInstitution } from './answer-institution';
import { answerIssuance } from './answer-issuance';
import { answerPayments } from './answer-payments';
import { answerScoreDisputes } from './answer-score-disputes';
import { answerSites } from './answer-sites';
import { issueDayOf } from './dates';
import type { Platform } from './platform';

export type InboundKinds = Partial<Record<PackageKind, unknown>>;

export interface AnswerContext {
  platform: Platform;
  manifest: Manifest;
  /** Every payload of the outbound package, for answers that need more than their own kind. */
  payloads: VerifiedPackage['payloads'];
  now: Date;
  /** The day the catalog the institution holds was issued: its plans' dates are counted from it. */
  catalogDay: string;
}

/** What the platform sends back for one outbound kind: inbound kinds with their payloads. */
export type Answerer = (payload: unknown, ctx: AnswerContext) => InboundKinds | Promise<InboundKinds>;

/**
 * The platform's side of each outbound kind. A later capability adds its answerer here (a
 * review result for declarations, site approvals, a schedule for enrollments, …), in a file
 * of its own beside answer-institution.ts.
 */
export const ANSWERERS: Partial<Record<PackageKind, Answerer>> = {
  institution: answerInstitution,
  candidates: answerCandidates,
  declarations: answerDeclarations,
  'site-declaration': answerSites,
  enrollments: answerEnrollments,
  'payment-orders': answerPayments,
  'issuance-decisions': answerIssuance,
  attendance: answerAttendance,
  'score-disputes': answerScoreDisputes,
  // 考场信息 is received and left unanswered: the platform only takes note of the rooms.
};

export interface Answer {
  kinds: InboundKinds;
  answered: PackageKind[];
  /** Kinds the simulator has no answer for (yet): they are received and left unanswered. */
  unanswered: PackageKind[];
}

/** Runs the answerer of every kind in a verified outbound package and merges what they send back. */
export async function answerKinds(pkg: VerifiedPackage, platform: Platform, now: Date, catalogDay = issueDayOf(now)): Promise<Answer> {
  const answer: Answer = { kinds: {}, answered: [], unanswered: [] };
  for (const kind of pkg.manifest.kinds as PackageKind[]) {
    const answerer = ANSWERERS[kind];
    if (!answerer) {
      answer.unanswered.push(kind);
      continue;
    }
    const kinds = await answerer(pkg.payloads[kind], { platform, manifest: pkg.manifest, payloads: pkg.payloads, now, catalogDay });
    // An answerer with nothing to send back (enrollments without the rooms to seat them) only took note.
    if (!Object.keys(kinds).length) {
      answer.unanswered.push(kind);
      continue;
    }
    for (const [k, payload] of Object.entries(kinds) as [PackageKind, unknown][]) {
      // One package holds each kind once; two answers that both send one would lose one.
      if (k in answer.kinds) throw new AppError('INTERNAL', `两个回应都生成了“${PACKAGE_KINDS[k].label}”，无法合成一个数据包。`);
      answer.kinds[k] = payload;
    }
    answer.answered.push(kind);
  }
  return answer;
}
