'use client';
import {
  defaultRangeExtractor,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, type RefObject } from 'react';
import type { TableRowModel } from './table-model.js';

const OVERSCAN = 8;

/**
 * The rows' virtualizer: fixed-height rows (so 10,000 scroll without measuring), the sticky
 * header counted as a scroll margin, and the active row always rendered so it keeps focus
 * while scrolled out of view.
 */
export function useTableVirtualizer(
  rows: readonly TableRowModel[],
  activeIndex: number,
  rowHeight: number,
  initialHeight: number,
  viewportRef: RefObject<HTMLDivElement | null>,
) {
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && activeIndex < range.count && !indexes.includes(activeIndex)) {
        indexes.push(activeIndex);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [activeIndex],
  );
  const fallbackRect = useMemo<Rect>(() => ({ width: 0, height: initialHeight }), [initialHeight]);
  // An element without layout (not yet attached, hidden, or in jsdom) measures 0 × 0; keep
  // the initial height then rather than rendering no rows at all.
  const observeRect = useCallback(
    (instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void) =>
      observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : fallbackRect)),
    [fallbackRect],
  );
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count: rows.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    initialRect: fallbackRect,
    observeElementRect: observeRect,
    rangeExtractor,
    // The sticky header sits above the rows inside the same scroll container.
    scrollMargin: rowHeight,
    scrollPaddingStart: rowHeight,
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  return virtualizer;
}
