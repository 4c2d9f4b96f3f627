'use client';
import { useCallback, useMemo, useState } from 'react';
import type { AuditLogColumn } from '../table/audit-log-column.js';
import {
  orderColumns,
  readStoredColumnSettings,
  writeStoredColumnSettings,
  type AuditLogColumnVisibility,
} from '../table/column-settings.js';
import { applyUpdater, type Updater } from '../table/use-controllable.js';

interface ColumnState {
  visibility: AuditLogColumnVisibility;
  order: readonly string[];
}

const DEFAULT_STATE: ColumnState = { visibility: {}, order: [] };

/** The state a list of visible ids describes: those shown in that order, every other hidden. */
function fromVisibleIds(ids: readonly string[], columns: readonly AuditLogColumn[]): ColumnState {
  const shown = new Set(ids);
  const known = new Set(columns.map((column) => column.id));
  return {
    visibility: Object.fromEntries(columns.map((column) => [column.id, shown.has(column.id)])),
    order: ids.filter((id) => known.has(id)),
  };
}

/** The visible column ids in table order; undefined when that is every column in its own order. */
function chosenColumns(
  state: ColumnState,
  columns: readonly AuditLogColumn[],
): string[] | undefined {
  const ids = orderColumns(columns, state.order)
    .filter((column) => state.visibility[column.id] !== false)
    .map((column) => column.id);
  const isDefault =
    ids.length === columns.length && ids.every((id, index) => id === columns[index]?.id);
  return isDefault ? undefined : ids;
}

const keyOf = (ids: readonly string[] | undefined) => (ids === undefined ? null : ids.join('\n'));

export interface ViewerColumnsOptions {
  /** Every column the table can show, defaults and custom ones merged. */
  columns: readonly AuditLogColumn[];
  /** Where the user's last choice is remembered. */
  storageKey: string;
  /** The URL's visible column ids; undefined when the URL says nothing or is not used. */
  urlColumns: readonly string[] | undefined;
  /** Called after a change by the user, when the URL is used; undefined means the default view. */
  onUrlColumnsChange: ((columns: string[] | undefined) => void) | undefined;
}

export interface ViewerColumns {
  visibility: AuditLogColumnVisibility;
  order: readonly string[];
  setVisibility: (updater: Updater<AuditLogColumnVisibility>) => void;
  setOrder: (updater: Updater<readonly string[]>) => void;
  /**
   * The visible column ids in table order once the user's view differs from the default
   * (a column hidden or moved); undefined while it is the default, so an export holds every field.
   */
  chosen: string[] | undefined;
}

/**
 * The viewer's one column state, shared by the table, the export and the URL. On load the URL
 * wins (a shared link shows what its sender saw), then what this browser remembers, then the
 * defaults. Loading a link does not overwrite what is remembered; a change by the user does.
 */
export function useViewerColumns({
  columns,
  storageKey,
  urlColumns,
  onUrlColumnsChange,
}: ViewerColumnsOptions): ViewerColumns {
  const fromUrlOrStorage = (ids: readonly string[] | undefined): ColumnState =>
    ids === undefined
      ? (readStoredColumnSettings(storageKey, columns) ?? DEFAULT_STATE)
      : fromVisibleIds(ids, columns);
  const [state, setState] = useState<ColumnState>(() => fromUrlOrStorage(urlColumns));
  const chosen = useMemo(() => chosenColumns(state, columns), [state, columns]);

  // Back, Forward or another writer changed the URL's columns: the table follows. A URL that
  // already describes this state (our own write) keeps it, with the hidden columns' places.
  const urlKey = keyOf(urlColumns);
  const [syncedUrlKey, setSyncedUrlKey] = useState(urlKey);
  if (urlKey !== syncedUrlKey) {
    setSyncedUrlKey(urlKey);
    if (urlKey !== keyOf(chosen)) setState(fromUrlOrStorage(urlColumns));
  }

  const update = useCallback(
    (next: ColumnState) => {
      setState(next);
      writeStoredColumnSettings(storageKey, {
        visibility: next.visibility,
        order: [...next.order],
      });
      if (onUrlColumnsChange) {
        const nextChosen = chosenColumns(next, columns);
        setSyncedUrlKey(keyOf(nextChosen));
        onUrlColumnsChange(nextChosen);
      }
    },
    [storageKey, columns, onUrlColumnsChange],
  );
  const setVisibility = useCallback(
    (updater: Updater<AuditLogColumnVisibility>) =>
      update({ ...state, visibility: applyUpdater(updater, state.visibility) }),
    [update, state],
  );
  const setOrder = useCallback(
    (updater: Updater<readonly string[]>) =>
      update({ ...state, order: applyUpdater(updater, state.order) }),
    [update, state],
  );

  return { visibility: state.visibility, order: state.order, setVisibility, setOrder, chosen };
}
