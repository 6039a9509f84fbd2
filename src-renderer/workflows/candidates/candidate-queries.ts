/** What refreshes after candidates change: the list windows, facets, counts and single records. */
export const CANDIDATE_QUERIES = ['candidates.list', 'candidates.facets', 'candidates.summary', 'candidates.get'] as const;
