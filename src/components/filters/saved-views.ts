import type { AuditLogQueryInput } from '../../client/index.js';
import {
  parseRelativeDuration,
  type WithRelativeRange,
} from '../../client/search/relative-time.js';
import { browserStorage } from '../ui/browser-storage.js';

/**
 * What a view saves: the filters and sort, and a range that counts back from now (`last`)
 * kept as written, so a view saved as "last 24 hours" shows the 24 hours before whenever it
 * is recalled, never the day it was saved.
 */
export type SavedViewQuery = WithRelativeRange<AuditLogQueryInput>;

/** A named filter and column set. Stored as JSON, so timestamps are ISO strings. */
export interface SavedView {
  id: string;
  name: string;
  query: SavedViewQuery;
  /** Visible column ids; undefined keeps the table's default. */
  columns?: string[] | undefined;
  /** ISO timestamp of when it was saved. */
  savedAt: string;
}

/**
 * Where saved views live: this browser by default (`localStorageSavedViewStorage`), or the
 * host's own server behind the same three calls. A rejected promise is shown to the user and
 * changes nothing on screen: a view that failed to save keeps its name in the field, one that
 * failed to delete stays listed.
 *
 * @example
 * const serverViews: SavedViewStorage = {
 *   list: () => fetch('/my-api/views').then((r) => r.json()),
 *   save: (view) => fetch(`/my-api/views/${view.id}`, { method: 'PUT', body: JSON.stringify(view) }).then(ok),
 *   remove: (id) => fetch(`/my-api/views/${id}`, { method: 'DELETE' }).then(ok),
 * };
 */
export interface SavedViewStorage {
  /** Every view, oldest first. */
  list(): Promise<SavedView[]>;
  /** Adds the view, or replaces the one with its id (a rename). */
  save(view: SavedView): Promise<void>;
  remove(id: string): Promise<void>;
}

export const DEFAULT_SAVED_VIEWS_KEY = 'audit-log-sdk:saved-views';

/** `view` added to `views`, or put in the place of the one with its id. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const at = views.findIndex((known) => known.id === view.id);
  return at === -1 ? [...views, view] : views.map((known, i) => (i === at ? view : known));
}

/** Keeps views in memory only; each call gives a separate store. */
export function memorySavedViewStorage(initial: readonly SavedView[] = []): SavedViewStorage {
  let views = [...initial];
  return {
    list: () => Promise.resolve([...views]),
    save: (view) => {
      views = withView(views, view);
      return Promise.resolve();
    },
    remove: (id) => {
      views = views.filter((view) => view.id !== id);
      return Promise.resolve();
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSavedView = (value: unknown): value is SavedView =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.name === 'string' &&
  typeof value.savedAt === 'string' &&
  isRecord(value.query) &&
  // A view whose relative range cannot be read is dropped whole: read without it, it would
  // quietly show all time.
  (value.query.last === undefined ||
    (typeof value.query.last === 'string' && parseRelativeDuration(value.query.last) !== null)) &&
  (value.columns === undefined ||
    (Array.isArray(value.columns) && value.columns.every((c) => typeof c === 'string')));

/** The views a stored string holds; malformed entries are dropped. */
export function parseSavedViews(text: string | null): SavedView[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isSavedView) : [];
  } catch {
    return [];
  }
}

/**
 * Saved views in `localStorage` under `key`. Where storage is missing or blocked (no window, a
 * privacy mode that refuses to read it), views are kept in memory for the page's lifetime
 * instead. A write that storage refuses (full) rejects, so the user learns the view was not
 * kept and nothing already saved is lost.
 */
export function localStorageSavedViewStorage(
  key: string = DEFAULT_SAVED_VIEWS_KEY,
  storage: Storage | undefined = browserStorage(),
): SavedViewStorage {
  const fallback = memorySavedViewStorage();
  let usable = storage !== undefined;
  const read = (): SavedView[] | null => {
    if (!usable || !storage) return null;
    try {
      return parseSavedViews(storage.getItem(key));
    } catch {
      usable = false;
      return null;
    }
  };
  // Read again before each write, so views saved from another tab since are kept.
  const change = async (
    edit: (views: SavedView[]) => SavedView[],
    inMemory: () => Promise<void>,
  ): Promise<void> => {
    const current = read();
    if (current === null) return inMemory();
    storage!.setItem(key, JSON.stringify(edit(current)));
  };
  return {
    list: async () => read() ?? fallback.list(),
    save: (view) =>
      change(
        (views) => withView(views, view),
        () => fallback.save(view),
      ),
    remove: (id) =>
      change(
        (views) => views.filter((view) => view.id !== id),
        () => fallback.remove(id),
      ),
  };
}

/** The query as JSON-safe data: `Date` bounds become ISO strings; `last` stays as written. */
export function toStoredQuery(query: SavedViewQuery): SavedViewQuery {
  const stored = Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as SavedViewQuery;
  if (query.start_date instanceof Date) stored.start_date = query.start_date.toISOString();
  if (query.end_date instanceof Date) stored.end_date = query.end_date.toISOString();
  return stored;
}

let counter = 0;

/** A new view's id: random where `crypto.randomUUID` exists, else time and a counter. */
export function newSavedViewId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  counter += 1;
  return uuid ?? `view-${Date.now().toString(36)}-${counter}`;
}
