// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSearchAsTyped } from '../../src-renderer/ui/use-search-as-typed';

/** The hook as the list uses it: `sent` is what the list searches for, `busy` while its query runs. */
function typing() {
  const sent: string[] = [];
  const props = { text: '', search: '', busy: false };
  const hook = renderHook((p: typeof props) => useSearchAsTyped(p.text, p.search, p.busy, (s) => sent.push(s)), { initialProps: props });
  const set = (patch: Partial<typeof props>) => {
    Object.assign(props, patch);
    hook.rerender({ ...props });
  };
  return { sent, set, hook };
}

describe('search as typed', () => {
  it('sends a keystroke at once when the list is idle, trimmed, and not the same search again', () => {
    const t = typing();
    t.set({ text: '张' });
    expect(t.sent).toEqual(['张']);
    t.set({ search: '张', text: '张 ' });
    expect(t.sent).toEqual(['张']);
    t.set({ text: '张伟' });
    expect(t.sent).toEqual(['张', '张伟']);
  });

  it('holds what is typed while a query runs and then sends only the latest', () => {
    const t = typing();
    t.set({ text: '3' });
    t.set({ search: '3', busy: true });
    for (const text of ['37', '370', '3706']) t.set({ text });
    expect(t.sent).toEqual(['3']);
    t.set({ busy: false });
    expect(t.sent).toEqual(['3', '3706']);
  });

  it('sends nothing while an input method composes, then the composed text', () => {
    const t = typing();
    act(() => t.hook.result.current.onCompositionStart());
    t.set({ text: 'zhang' });
    expect(t.sent).toEqual([]);
    t.set({ text: '张' });
    act(() => t.hook.result.current.onCompositionEnd());
    expect(t.sent).toEqual(['张']);
  });

  it('sends the emptied box, so clearing it shows everyone again', () => {
    const t = typing();
    t.set({ text: '王', search: '王' });
    t.set({ text: '' });
    expect(t.sent).toEqual(['']);
  });
});
