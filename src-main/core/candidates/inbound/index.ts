import type { InboundModules } from '../../packages/kind-module';
import { realnameResultsKind } from './realname-results';

export const candidateInbound: InboundModules<'realname-results'> = { 'realname-results': realnameResultsKind };
