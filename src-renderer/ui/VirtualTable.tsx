import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin } from 'antd';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import './virtual-table.css';

export interface VirtualColumn<T> {
  key: string;
  title: string;
  /** Pixels; a `grow` column takes this as its minimum and the spare width. */
  width: number;
  grow?: boolean;
  align?: 'center' | 'right';
  /** Set when the server can sort by this column. */
  sortKey?: string;
  /** Drawn in the header instead of the title (a select-all box); the title still names the column. */
  header?: ReactNode;
  render: (row: T, index: number) => ReactNode;
}

export type SortOrder = 'asc' | 'desc';

export interface VirtualTableProps<T> {
  label: string;
  columns: VirtualColumn<T>[];
  /** All rows of the view; only the visible ones need to be loaded. */
  count: number;
  /** The loaded row at an index, or undefined while its window is still on the way. */
  rowAt: (index: number) => T | undefined;
  rowKey: (row: T) => string | number;
  /** The indices on screen (with some overscan), so the caller fetches that window. */
  onRangeChange: (start: number, end: number) => void;
  rowHeight?: number;
  height: number | string;
  sort?: { key: string; order: SortOrder };
  onSort?: (key: string, order: SortOrder) => void;
  /** Enter or a double click on a row. */
  onOpen?: (row: T) => void;
  /** Space on the active row (selecting it). */
  onToggle?: (row: T) => void;
  loading?: boolean;
  /** Scrolls back to the top and forgets the active row when it changes (a new filter). */
  resetKey?: string;
  empty?: ReactNode;
}

const OVERSCAN = 8;

/**
 * A table for tens of thousands of rows: only the rows on screen exist in the DOM, and the
 * caller loads windows of rows as they come into view. Keyboard: ↑ ↓ PageUp PageDown Home End
 * move the active row, Enter opens it.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { columns, count, rowAt, rowKey, onRangeChange, rowHeight = 44, sort, onSort, onOpen, resetKey, label } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const [active, setActive] = useState(0);

  const virtualizer = useVirtualizer({ count, getScrollElement: () => bodyRef.current, estimateSize: () => rowHeight, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    onRangeChange(first, last);
  }, [first, last, onRangeChange]);

  useLayoutEffect(() => {
    setActive(0);
    bodyRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const template = columns.map((c) => (c.grow ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((s, c) => s + c.width, 0);
  const activeIndex = Math.min(active, Math.max(count - 1, 0));

  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setActive(next);
    // Rows have one fixed height, so the offset is plain arithmetic: bring the row just into view.
    const body = bodyRef.current;
    if (!body) return;
    const top = next * rowHeight;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + rowHeight > body.scrollTop + body.clientHeight) body.scrollTop = top + rowHeight - body.clientHeight;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || count === 0) return;
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const row = rowAt(activeIndex);
        if (row && onOpen) onOpen(row);
      },
      ...(props.onToggle
        ? {
            ' ': () => {
              const row = rowAt(activeIndex);
              if (row) props.onToggle!(row);
            },
          }
        : {}),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  // The latest `onOpen` behind a stable function: rows re-render only when their own props change.
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const open = useCallback((row: T) => openRef.current?.(row), []);

  const toggleSort = (key: string) => {
    if (!onSort) return;
    onSort(key, sort?.key === key && sort.order === 'asc' ? 'desc' : 'asc');
  };

  return (
    <div
      className="vt"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-activedescendant={count > 0 ? `${id}-r${activeIndex}` : undefined}
      aria-busy={props.loading || undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ height: props.height }}
    >
      <div className="vt-head" role="rowgroup" ref={headRef}>
        <div className="vt-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, minWidth }}>
          {columns.map((c) => {
            const sorted = sort?.key === c.sortKey;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={`vt-cell${c.align ? ` vt-cell-${c.align}` : ''}`}
                aria-sort={c.sortKey ? (sorted ? (sort!.order === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
                aria-label={c.header ? c.title : undefined}
              >
                {c.header ? (
                  c.header
                ) : c.sortKey && onSort ? (
                  <button type="button" className="vt-sort" data-active={sorted} onClick={() => toggleSort(c.sortKey!)} title={`按${c.title}排序`}>
                    {c.title}
                    <span className="vt-sort-icon" aria-hidden>
                      <CaretUpOutlined data-on={sorted && sort!.order === 'asc'} />
                      <CaretDownOutlined data-on={sorted && sort!.order === 'desc'} />
                    </span>
                  </button>
                ) : (
                  c.title
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        className="vt-body"
        role="rowgroup"
        ref={bodyRef}
        onScroll={(e) => {
          if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), minWidth, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <TableRow<T>
                key={row ? rowKey(row) : `pending-${item.index}`}
                id={`${id}-r${item.index}`}
                row={row}
                index={item.index}
                start={item.start}
                size={item.size}
                template={template}
                minWidth={minWidth}
                columns={columns}
                selected={item.index === activeIndex}
                onActivate={setActive}
                onOpen={open}
              />
            );
          })}
        </div>
        {count === 0 && <div className="vt-empty">{props.loading ? <Spin /> : (props.empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有数据" />)}</div>}
      </div>
    </div>
  );
}

interface TableRowProps<T> {
  id: string;
  row: T | undefined;
  index: number;
  start: number;
  size: number;
  template: string;
  minWidth: number;
  columns: VirtualColumn<T>[];
  selected: boolean;
  onActivate: (index: number) => void;
  onOpen: (row: T) => void;
}

/**
 * One row, re-rendered only when its own props change: a filter chosen or the active row moved
 * leaves the other rows' cells (tags, photos) alone, which on a full screen cost ~70 ms a change.
 */
const TableRow = memo(function TableRow<T>({ id, row, index, start, size, template, minWidth, columns, selected, onActivate, onOpen }: TableRowProps<T>) {
  return (
    <div
      id={id}
      className="vt-row"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={{ gridTemplateColumns: template, minWidth, width: '100%', height: size, transform: `translateY(${start}px)` }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => row && onOpen(row)}
    >
      {columns.map((c) => (
        <div key={c.key} role="gridcell" className={`vt-cell${c.align ? ` vt-cell-${c.align}` : ''}`}>
          {row ? c.render(row, index) : <span className="vt-skeleton" />}
        </div>
      ))}
    </div>
  );
}) as <T>(props: TableRowProps<T> & { key?: string | number }) => ReactElement;
