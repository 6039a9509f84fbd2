import type { OpName } from '../../../src-shared/api';

/** What an enrollment (or its deletion) can change on screen: the lists, their counts, the quota, the year board. */
export const ENROLLMENT_QUERIES: OpName[] = ['enrollments.list', 'enrollments.summary', 'enrollments.facets', 'enrollments.plans', 'quota.get', 'yearboard.get', 'capacity.get'];
