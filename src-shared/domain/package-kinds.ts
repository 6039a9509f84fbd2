import type { z } from 'zod';
import { attendanceKinds } from './attendance-kinds';
import { candidateKinds } from './candidate-kinds';
import { catalogKinds } from './catalog-kinds';
import { declarationKinds } from './declaration-kinds';
import { enrollmentKinds } from './enrollment-kinds';
import { institutionKinds } from './institution-kinds';
import { issuanceKinds } from './issuance-kinds';
import type { KindDef } from './package';
import { paymentKinds } from './payment-kinds';
import { scheduleKinds } from './schedule-kinds';
import { resultKinds, scoreKinds } from './score-kinds';
import { siteKinds } from './site-kinds';
import { joinDisjoint } from '../join';

/**
 * Every kind a package may carry, one line per workflow. The core's registries of inbound and
 * outbound modules are typed from this: a kind here without its module fails the typecheck.
 */
export const PACKAGE_KINDS = joinDisjoint(
  'package kind',
  institutionKinds,
  catalogKinds,
  candidateKinds,
  declarationKinds,
  siteKinds,
  enrollmentKinds,
  paymentKinds,
  scheduleKinds,
  attendanceKinds,
  resultKinds,
  issuanceKinds,
  scoreKinds,
) satisfies Record<string, KindDef>;

export type PackageKind = keyof typeof PACKAGE_KINDS;
type KindsOf<D extends 'in' | 'out'> = { [K in PackageKind]: (typeof PACKAGE_KINDS)[K]['direction'] extends D ? K : never }[PackageKind];
/** Kinds the platform sends and the app applies. */
export type InboundKind = KindsOf<'in'>;
/** Kinds the app builds and sends. */
export type OutboundKind = KindsOf<'out'>;
export type PayloadOf<K extends PackageKind> = z.output<(typeof PACKAGE_KINDS)[K]['payload']>;

const kinds = Object.keys(PACKAGE_KINDS) as PackageKind[];
export const INBOUND_KINDS = kinds.filter((k): k is InboundKind => PACKAGE_KINDS[k].direction === 'in');
export const OUTBOUND_KINDS = kinds.filter((k): k is OutboundKind => PACKAGE_KINDS[k].direction === 'out');

export function isPackageKind(k: string): k is PackageKind {
  return Object.prototype.hasOwnProperty.call(PACKAGE_KINDS, k);
}

export function isOutboundKind(k: string): k is OutboundKind {
  return isPackageKind(k) && PACKAGE_KINDS[k].direction === 'out';
}
