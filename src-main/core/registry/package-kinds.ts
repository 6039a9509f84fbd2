import type { InboundKind, OutboundKind } from '../../../src-shared/domain/package-kinds';
import { joinDisjoint } from '../../../src-shared/join';
import { attendanceOutbound } from '../attendance/outbound-attendance';
import { candidateInbound } from '../candidates/inbound';
import { candidateOutbound } from '../candidates/outbound-candidates';
import { catalogInbound } from '../catalog/inbound';
import { declarationInbound } from '../declarations/inbound-reviews';
import { declarationOutbound } from '../declarations/outbound-declarations';
import { enrollmentOutbound } from '../enrollments/outbound-enrollments';
import { institutionOutbound } from '../institution/outbound-institution';
import { certificatesInbound } from '../issuance/inbound-certificates';
import { issuanceListInbound } from '../issuance/inbound-issuance-list';
import { decisionsOutbound } from '../issuance/outbound-decisions';
import { paymentInbound } from '../payments/inbound-confirmations';
import { paymentOutbound } from '../payments/outbound-payments';
import { resultInbound } from '../results/inbound-results';
import { scheduleInbound } from '../schedule/inbound-schedule';
import { invigilatorsOutbound } from '../schedule/outbound-invigilators';
import { scoresInbound } from '../scores/inbound-scores';
import { scoreDisputesOutbound } from '../scores/outbound-score-disputes';
import { siteInbound } from '../sites/inbound-site-reviews';
import { siteOutbound } from '../sites/outbound-sites';
import { applyOrder, type InboundModules, type OutboundModules } from '../packages/kind-module';

/**
 * How each kind of PACKAGE_KINDS is applied (inbound) or built (outbound), one line per
 * workflow. Typed from PACKAGE_KINDS: a declared kind without its module fails the typecheck.
 */
export const INBOUND: InboundModules<InboundKind> = joinDisjoint(
  'inbound package kind',
  catalogInbound,
  candidateInbound,
  declarationInbound,
  siteInbound,
  paymentInbound,
  scheduleInbound,
  resultInbound,
  issuanceListInbound,
  certificatesInbound,
  scoresInbound,
);

export const OUTBOUND: OutboundModules<OutboundKind> = joinDisjoint(
  'outbound package kind',
  institutionOutbound,
  candidateOutbound,
  declarationOutbound,
  siteOutbound,
  paymentOutbound,
  enrollmentOutbound,
  invigilatorsOutbound,
  attendanceOutbound,
  decisionsOutbound,
  scoreDisputesOutbound,
);

/** Inbound kinds in the order a package's kinds are applied: each after those it depends on. */
export const INBOUND_ORDER: readonly InboundKind[] = applyOrder(INBOUND);
