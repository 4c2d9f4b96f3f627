'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TableRowModel } from './table-model.js';

/**
 * Selected event ids, controlled (`selectedIds`) or not; `toggleAll` selects or clears the
 * rows on screen and keeps the selection of rows elsewhere. The header checkbox shows
 * "some selected" through `indeterminate`, which only a DOM property can set.
 */
export function useRowSelection(
  rows: readonly TableRowModel[],
  selectedIdsProp: readonly string[] | undefined,
  defaultSelectedIds: readonly string[],
  onSelectionChange: ((ids: string[]) => void) | undefined,
) {
  const [ownSelected, setOwnSelected] = useState<readonly string[]>(defaultSelectedIds);
  const selectedIds = selectedIdsProp ?? ownSelected;
  const selectedSet = useMemo(() => new Set(selectedIds), [selectedIds]);
  // Read by `toggleSelected`, which stays the same function so memoized rows stay put.
  const selectedRef = useRef(selectedIds);
  useEffect(() => {
    selectedRef.current = selectedIds;
  });
  const setSelection = useCallback(
    (ids: string[]) => {
      if (selectedIdsProp === undefined) setOwnSelected(ids);
      onSelectionChange?.(ids);
    },
    [selectedIdsProp, onSelectionChange],
  );
  const toggleSelected = useCallback(
    (id: string) => {
      const current = selectedRef.current;
      setSelection(
        current.includes(id) ? current.filter((other) => other !== id) : [...current, id],
      );
    },
    [setSelection],
  );
  const selectedOnPage = rows.filter((row) => selectedSet.has(row.id)).length;
  const allSelected = rows.length > 0 && selectedOnPage === rows.length;
  const headerCheckboxRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (headerCheckboxRef.current) {
      headerCheckboxRef.current.indeterminate = selectedOnPage > 0 && !allSelected;
    }
  });
  const toggleAll = () => {
    const pageIds = new Set(rows.map((row) => row.id));
    const others = selectedIds.filter((id) => !pageIds.has(id));
    setSelection(allSelected ? others : [...others, ...rows.map((row) => row.id)]);
  };
  return { selectedSet, toggleSelected, toggleAll, allSelected, headerCheckboxRef };
}
