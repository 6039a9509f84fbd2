import { candidatesPayload } from './candidate-payload';
import type { KindDef } from './package';
import { realnameResultsPayload } from './realname';

/** 考生信息 out (with photos), 实名认证结果 back. */
export const candidateKinds = {
  candidates: { label: '考生信息', direction: 'out', file: 'payload/candidates.json', payload: candidatesPayload },
  'realname-results': { label: '实名认证结果', direction: 'in', file: 'payload/realname-results.json', payload: realnameResultsPayload },
} as const satisfies Record<string, KindDef>;
