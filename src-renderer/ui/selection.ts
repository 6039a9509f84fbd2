import { useState, useSyncExternalStore } from 'react';

/**
 * Rows chosen in a virtualized list of tens of thousands: a set held outside React, each row's
 * box subscribing to its own id, so a click re-renders that box (and the bar that counts), not
 * every row on screen. `all` stands for every row of the current view, which the page never
 * holds in full: the server resolves it.
 */
export interface Selection {
  has(id: number): boolean;
  toggle(id: number): void;
  clear(): void;
  selectAll(): void;
  readonly ids: readonly number[];
  readonly all: boolean;
  subscribe(listener: () => void): () => void;
  version(): number;
}

export function createSelection(): Selection {
  let ids = new Set<number>();
  let all = false;
  let version = 0;
  const listeners = new Set<() => void>();
  const changed = () => {
    version++;
    for (const l of listeners) l();
  };
  return {
    has: (id) => all || ids.has(id),
    toggle(id) {
      if (all) return;
      ids = new Set(ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      changed();
    },
    clear() {
      if (!all && !ids.size) return;
      ids = new Set();
      all = false;
      changed();
    },
    selectAll() {
      ids = new Set();
      all = true;
      changed();
    },
    get ids() {
      return [...ids];
    },
    get all() {
      return all;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}

/** One selection for the life of a page. */
export function useSelection(): Selection {
  const [selection] = useState(createSelection);
  return selection;
}

/** Re-renders on every change: for what counts the selection (a bar), not for rows. */
export function useSelectionState(s: Selection): { count: number; all: boolean } {
  useSyncExternalStore(s.subscribe, s.version);
  return { count: s.ids.length, all: s.all };
}

/** Whether one id is chosen: a row's box re-renders only when its own answer changes. */
export function useSelected(s: Selection, id: number): boolean {
  return useSyncExternalStore(s.subscribe, () => s.has(id));
}
