'use client';
import type { Virtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type Ref,
  type RefObject,
} from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import type { AuditLogTableActions } from './table-types.js';
import type { TableRowModel } from './table-model.js';

/**
 * The active row (the one roving `tabIndex` points at), remembered by id so it survives a
 * refetch or a re-sort. `activeEventId` moves it; clearing it leaves the row where it was.
 */
export function useActiveRow(rows: readonly TableRowModel[], activeEventId: string | undefined) {
  const [activeId, setActiveId] = useState<string | null>(activeEventId ?? null);
  const [syncedActiveEventId, setSyncedActiveEventId] = useState(activeEventId);
  if (syncedActiveEventId !== activeEventId) {
    setSyncedActiveEventId(activeEventId);
    if (activeEventId !== undefined) setActiveId(activeEventId);
  }
  const foundIndex = useMemo(
    () => (activeId === null ? -1 : rows.findIndex((row) => row.id === activeId)),
    [rows, activeId],
  );
  const activeIndex = rows.length === 0 ? -1 : Math.max(foundIndex, 0);
  return { activeId, setActiveId, activeIndex };
}

export interface RowKeyboardOptions {
  rows: readonly TableRowModel[];
  active: ReturnType<typeof useActiveRow>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  bodyRef: RefObject<HTMLDivElement | null>;
  actionsRef: Ref<AuditLogTableActions> | undefined;
  onOpenEvent: ((event: AuditLogEvent) => void) | undefined;
  /** Space toggles the active row's selection when set. */
  toggleSelected: ((id: string) => void) | undefined;
  rowHeight: number;
  initialHeight: number;
}

const rowElement = (body: HTMLDivElement | null, index: number) =>
  body?.querySelector<HTMLElement>(`[aria-rowindex="${index + 2}"]`);

/**
 * Grid keys on the rows (arrows, Home/End, Page Up/Down, Enter opens, Space selects), focus
 * following the active row, and `actionsRef.focusRow` for parents.
 */
export function useRowKeyboard({
  rows,
  active: { activeId, setActiveId, activeIndex },
  virtualizer,
  bodyRef,
  actionsRef,
  onOpenEvent,
  toggleSelected,
  rowHeight,
  initialHeight,
}: RowKeyboardOptions) {
  const focusActiveRow = useRef(false);

  useEffect(() => {
    if (activeIndex < 0) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    if (focusActiveRow.current) {
      focusActiveRow.current = false;
      rowElement(bodyRef.current, activeIndex)?.focus({ preventScroll: true });
    }
  }, [virtualizer, activeIndex, bodyRef]);

  useImperativeHandle(
    actionsRef,
    () => ({
      focusRow: (eventId) => {
        const found = eventId === undefined ? -1 : rows.findIndex((row) => row.id === eventId);
        const index = found >= 0 ? found : activeIndex;
        const row = rows[index];
        if (!row) return false;
        if (index !== activeIndex) {
          // Not rendered yet, perhaps: the effect above focuses it once it is the active row.
          focusActiveRow.current = true;
          setActiveId(row.id);
          return true;
        }
        const element = rowElement(bodyRef.current, index);
        element?.focus({ preventScroll: true });
        virtualizer.scrollToIndex(index, { align: 'auto' });
        return element !== null && element !== undefined;
      },
    }),
    [rows, activeIndex, virtualizer, bodyRef, setActiveId],
  );

  const activateRow = useCallback(
    (row: TableRowModel) => {
      setActiveId(row.id);
      onOpenEvent?.(row.event);
    },
    [onOpenEvent, setActiveId],
  );

  const moveTo = (index: number) => {
    const row = rows[index];
    // Already active (e.g. ArrowDown on the last row): focus is already there.
    if (!row || index === activeIndex) return;
    focusActiveRow.current = true;
    setActiveId(row.id);
  };

  // Focus can reach a row without the keys (a click, a screen reader, script): the row that
  // has focus becomes the active one, so the next key acts on the row the user is on.
  const onRowsFocus = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.dataset.part !== 'row') return;
    const row = rows[Number(target.getAttribute('aria-rowindex')) - 2];
    if (row && row.id !== activeId) setActiveId(row.id);
  };

  const onRowsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed inside a custom cell's own controls (a button, a link) stay theirs.
    const target = event.target;
    if (rows.length === 0 || !(target instanceof HTMLElement) || target.dataset.part !== 'row') {
      return;
    }
    const last = rows.length - 1;
    const viewportHeight = virtualizer.scrollRect?.height ?? initialHeight;
    const page = Math.max(1, Math.floor((viewportHeight - rowHeight) / rowHeight));
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(activeIndex + 1, last);
        break;
      case 'ArrowUp':
        next = Math.max(activeIndex - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'PageDown':
        next = Math.min(activeIndex + page, last);
        break;
      case 'PageUp':
        next = Math.max(activeIndex - page, 0);
        break;
      case ' ': {
        const row = rows[activeIndex];
        if (!toggleSelected || !row) return;
        event.preventDefault();
        toggleSelected(row.id);
        return;
      }
      case 'Enter': {
        const row = rows[activeIndex];
        if (row) onOpenEvent?.(row.event);
        event.preventDefault();
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  return { activateRow, onRowsFocus, onRowsKeyDown };
}
