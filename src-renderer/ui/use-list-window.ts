import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contract } from '../../src-shared/api';
import type { InputOf, OutputOf } from '../../src-shared/api/contract';
import { useApi } from '../api/hooks';

const WINDOW_SIZE = 100;
/** Ranges that change faster than this (a scrollbar dragged end to end) are not fetched. */
const SETTLE_MS = 60;

/** The list operations that answer a window of a view: `offset`/`limit` in, `total` and `rows` out. */
export type WindowOp = 'candidates.list' | 'enrollments.list' | 'scores.list';
export type ViewInput<K extends WindowOp> = Omit<InputOf<Contract[K]>, 'offset' | 'limit'>;
export type RowOf<K extends WindowOp> = OutputOf<Contract[K]>['rows'][number];

/** One window of 100 rows of a view: keyed like `useOp`'s, so a mutation that invalidates the operation refreshes it. */
function windowQuery<K extends WindowOp>(api: ReturnType<typeof useApi>, op: K, view: ViewInput<K>, w: number) {
  const input = { ...view, offset: w * WINDOW_SIZE, limit: WINDOW_SIZE } as InputOf<Contract[K]>;
  return { queryKey: [op, input], queryFn: () => api.call(op, input) as Promise<OutputOf<Contract[K]>>, staleTime: 30_000 };
}

/**
 * Asks for a view's first window at once, from the click or keystroke that chooses it: the request
 * is on its way while React renders the choice, instead of after.
 */
export function usePrefetchWindow<K extends WindowOp>(op: K) {
  const api = useApi();
  const client = useQueryClient();
  return useCallback((view: ViewInput<K>) => void client.prefetchQuery(windowQuery(api, op, view, 0)), [api, client, op]);
}

/**
 * The rows of a view, fetched a window of 100 at a time as they scroll into sight (for
 * VirtualTable). While a new view loads, the rows of the old one stay in place instead of
 * flashing empty; `stale` says so.
 */
export function useListWindow<K extends WindowOp>(op: K, view: ViewInput<K>) {
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

  const results = useQueries({ queries: windows.map((w) => windowQuery(api, op, view, w)) });

  let byWindow = new Map<number, RowOf<K>[]>();
  let total: number | undefined;
  results.forEach((r, i) => {
    if (!r.data) return;
    byWindow.set(windows[i]!, r.data.rows as RowOf<K>[]);
    total = r.data.total;
  });

  // While a window loads, what was shown stays: in the same view the total holds (a count of
  // zero for a moment would collapse the scroll height to the top); in a new view (a filter
  // just chosen) the old rows stay until the new ones arrive, instead of flashing empty.
  const shown = useRef<{ key: string; total: number; byWindow: Map<number, RowOf<K>[]> } | null>(null);
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
  return { total, rowAt, onRangeChange, loading, error, stale };
}
