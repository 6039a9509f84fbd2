import { useCallback } from 'react';
import type { CandidateFilter, CANDIDATE_SORTS } from '../../../src-shared/api/candidates';
import { useListWindow, usePrefetchWindow } from '../../ui/use-list-window';
import type { SortOrder } from '../../ui/VirtualTable';

export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export interface CandidateView {
  filter: CandidateFilter;
  sort: CandidateSort;
  order: SortOrder;
}

const input = (view: CandidateView) => ({ ...view.filter, sort: view.sort, order: view.order });

/** Asks for a candidate view's first window from the click or keystroke that chooses it. */
export function usePrefetchView() {
  const prefetch = usePrefetchWindow('candidates.list');
  return useCallback((view: CandidateView) => prefetch(input(view)), [prefetch]);
}

/** The rows of a candidate view, a window of 100 at a time from `candidates.list` (see `useListWindow`). */
export function useCandidateWindow(view: CandidateView) {
  return useListWindow('candidates.list', input(view));
}
