import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CandidateFilter, CandidateRow, CANDIDATE_SORTS } from '../../../src-shared/api/candidates';
import { useApi } from '../../api/hooks';
import type { SortOrder } from '../../ui/VirtualTable';

const WINDOW_SIZE = 100;
/** Ranges that change faster than this (a scrollbar dragged end to end) are not fetched. */
const SETTLE_MS = 60;

export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export interface CandidateView {
  filter: CandidateFilter;
  sort: CandidateSort;
  order: SortOrder;
}

/** One window of 100 rows of a view: the list's query, shared by the list and by `usePrefetchView`. */
function windowQuery(api: ReturnType<typeof useApi>, view: CandidateView, w: number) {
  const input = { ...view.filter, sort: view.sort, order: view.order, offset: w * WINDOW_SIZE, limit: WINDOW_SIZE };
  return { queryKey: ['candidates.list', input], queryFn: () => api.call('candidates.list', input), staleTime: 30_000 };
}

/**
 * Asks for a view's first window at once, from the click or keystroke that chooses it: the request
 * is on its way while React renders the choice, instead of after (a filter click was ~25 ms
 * of rendering before its query left).
 */
export function usePrefetchView() {
  const api = useApi();
  const client = useQueryClient();
  return useCallback((view: CandidateView) => void client.prefetchQuery(windowQuery(api, view, 0)), [api, client]);
}

/**
 * The rows of a candidate view, fetched a window of 100 at a time from `candidates.list` as
 * they scroll into sight. Each window is a query of its own (keyed like `useOp`'s, so every
 * mutation that invalidates `candidates.list` refreshes it); while a new filter loads, the
 * rows of the old one stay in place instead of flashing empty.
 */
export function useCandidateWindow(view: CandidateView) {
  const api = useApi();
  const viewKey = JSON.stringify(view);
  const currentKey = useRef(viewKey);
  currentKey.current = viewKey;
  // A new view starts at its top: a range kept from the old one would fetch windows far down.
  const [seen, setSeen] = useState<{ key: string; range: [number, number] }>({ key: viewKey, range: [0, WINDOW_SIZE - 1] });
  const range: [number, number] = seen.key === viewKey ? seen.range : [0, WINDOW_SIZE - 1];
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const onRangeChange = useCallback((start: number, end: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSeen({ key: currentKey.current, range: [start, Math.max(start, end)] }), SETTLE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const windows: number[] = [];
  for (let w = Math.floor(range[0] / WINDOW_SIZE); w <= Math.floor(range[1] / WINDOW_SIZE); w++) windows.push(w);

  const results = useQueries({
    queries: windows.map((w) => windowQuery(api, view, w)),
  });

  let byWindow = new Map<number, CandidateRow[]>();
  let total: number | undefined;
  results.forEach((r, i) => {
    if (!r.data) return;
    byWindow.set(windows[i]!, r.data.rows);
    total = r.data.total;
  });

  // While a window loads, what was shown stays: in the same view the total holds (a count of
  // zero for a moment would collapse the scroll height to the top); in a new view (a filter
  // just chosen) the old rows stay until the new ones arrive, instead of flashing empty.
  const shown = useRef<{ key: string; total: number; byWindow: Map<number, CandidateRow[]> } | null>(null);
  let stale = false;
  if (total !== undefined) shown.current = { key: viewKey, total, byWindow };
  else if (shown.current) {
    total = shown.current.total;
    stale = shown.current.key !== viewKey;
    if (stale) byWindow = shown.current.byWindow;
  }

  const rowAt = (index: number) => byWindow.get(Math.floor(index / WINDOW_SIZE))?.[index % WINDOW_SIZE];
  const error = results.find((r) => r.error)?.error ?? null;
  const loading = results.some((r) => r.isFetching);
  /** `stale`: the rows and total shown are still those of the previous view. */
  return { total, rowAt, onRangeChange, loading, error, stale };
}
