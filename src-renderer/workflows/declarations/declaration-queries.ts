import type { OpName } from '../../../src-shared/api';

/** What a declaration change (or an imported review) can change on screen. */
export const DECLARATION_QUERIES: OpName[] = ['declarations.list', 'declarations.get', 'declarations.plans', 'quota.get', 'yearboard.get'];
