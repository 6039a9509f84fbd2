import { App as AntApp, Form, type FormInstance } from 'antd';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';

// Unsaved edits are not lost by a stray click: a drawer, a dialog or a page with changes asks
// 放弃修改？ before it closes, before the shell leaves the page, and (beforeunload) before the
// window goes.

type ModalApi = ReturnType<typeof AntApp.useApp>['modal'];

export function askDiscard(modal: ModalApi, onDiscard: () => void, onKeep?: () => void): void {
  modal.confirm({
    title: '放弃修改？',
    content: '填写的内容还没有保存，放弃后不能恢复。',
    okText: '放弃修改',
    okButtonProps: { danger: true },
    cancelText: '继续编辑',
    onOk: onDiscard,
    onCancel: onKeep,
  });
}

interface Registry {
  set(id: string, dirty: boolean): void;
}

const RegistryContext = createContext<Registry | null>(null);
const AnyUnsavedContext = createContext(false);

function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}

/**
 * Knows whether anything below has unsaved changes: then leaving the page (a link, the menu,
 * back) asks first, and so does closing the window. Needs a data router (useBlocker).
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const { modal } = AntApp.useApp();
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const registry = useMemo<Registry>(
    () => ({
      set: (id, d) =>
        setDirty((prev) => {
          if (prev.has(id) === d) return prev;
          const next = new Set(prev);
          if (d) next.add(id);
          else next.delete(id);
          return next;
        }),
    }),
    [],
  );
  const any = dirty.size > 0;
  useBeforeUnload(any);
  // Another page asks; the same page with another query (a tab, a filter) does not.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => any && currentLocation.pathname !== nextLocation.pathname);
  const current = useRef(blocker);
  current.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const settle = (go: boolean) => {
      const b = current.current;
      if (b.state !== 'blocked') return;
      if (go) b.proceed();
      else b.reset();
    };
    askDiscard(
      modal,
      () => settle(true),
      () => settle(false),
    );
  }, [blocker.state, modal]);

  return (
    <RegistryContext.Provider value={registry}>
      <AnyUnsavedContext.Provider value={any}>{children}</AnyUnsavedContext.Provider>
    </RegistryContext.Provider>
  );
}

/** Whether anything on screen holds unsaved changes (the shell asks before logging out). */
export function useAnyUnsaved(): boolean {
  return useContext(AnyUnsavedContext);
}

/**
 * Registers `dirty` with the shell and returns `confirmDiscard(close)`: runs `close` at once
 * when nothing is unsaved, else after the person agrees to 放弃修改.
 */
export function useUnsavedGuard(dirty: boolean): (onDiscard: () => void) => void {
  const registry = useContext(RegistryContext);
  const id = useId();
  const { modal } = AntApp.useApp();
  useEffect(() => {
    registry?.set(id, dirty);
  }, [registry, id, dirty]);
  useEffect(() => () => registry?.set(id, false), [registry, id]);
  useBeforeUnload(dirty && !registry);
  return useCallback((onDiscard: () => void) => (dirty ? askDiscard(modal, onDiscard) : onDiscard()), [dirty, modal]);
}

/** A form's values in a canonical text: '' and null count as not filled in, as undefined does. */
export function formSnapshot(values: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])])
          .filter(([, x]) => x !== undefined),
      );
    return v === '' || v === null ? undefined : v;
  };
  return JSON.stringify(canon(values) ?? {});
}

/**
 * Whether an antd form differs from what it started with (or last saved: `markSaved`), by
 * value: a field typed in and typed back is not a change.
 */
export function useFormDirty(form: FormInstance, initial: unknown): { dirty: boolean; markSaved: () => void } {
  const values: unknown = Form.useWatch((v: unknown) => v, { form, preserve: true });
  const [saved, setSaved] = useState<string | null>(null);
  const baseline = saved ?? formSnapshot(initial);
  const dirty = values !== undefined && formSnapshot(values) !== baseline;
  const markSaved = useCallback(() => setSaved(formSnapshot(form.getFieldsValue(true))), [form]);
  return { dirty, markSaved };
}

/** useFormDirty and useUnsavedGuard together, as a form in a drawer, a dialog or a page uses them. */
export function useUnsavedForm(form: FormInstance, initial: unknown): { dirty: boolean; markSaved: () => void; confirmDiscard: (onDiscard: () => void) => void } {
  const { dirty, markSaved } = useFormDirty(form, initial);
  const confirmDiscard = useUnsavedGuard(dirty);
  return { dirty, markSaved, confirmDiscard };
}
