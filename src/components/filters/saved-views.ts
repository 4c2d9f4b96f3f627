import type { AuditLogQueryInput } from '../../client/index.js';
import { browserStorage } from '../ui/browser-storage.js';

/** A named filter and column set. Stored as JSON, so timestamps are ISO strings. */
export interface SavedView {
  id: string;
  name: string;
  query: AuditLogQueryInput;
  /** Visible column ids; undefined keeps the table's default. */
  columns?: string[] | undefined;
  /** ISO timestamp of when it was saved. */
  savedAt: string;
}

/** Where saved views live; `load` must not throw (return what can be read). */
export interface SavedViewStorage {
  load(): SavedView[];
  save(views: readonly SavedView[]): void;
}

export const DEFAULT_SAVED_VIEWS_KEY = 'audit-log-sdk:saved-views';

/** Keeps views in memory only; each call gives a separate store. */
export function memorySavedViewStorage(initial: readonly SavedView[] = []): SavedViewStorage {
  let views = [...initial];
  return {
    load: () => [...views],
    save: (next) => {
      views = [...next];
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
 * Saved views in `localStorage` under `key`. When storage is missing, blocked or full, views are
 * kept in memory for the page's lifetime instead, so saving never fails in front of the user.
 */
export function localStorageSavedViewStorage(
  key: string = DEFAULT_SAVED_VIEWS_KEY,
  storage: Storage | undefined = browserStorage(),
): SavedViewStorage {
  const fallback = memorySavedViewStorage();
  let usable = storage !== undefined;
  return {
    load() {
      if (!usable || !storage) return fallback.load();
      try {
        return parseSavedViews(storage.getItem(key));
      } catch {
        usable = false;
        return fallback.load();
      }
    },
    save(views) {
      fallback.save(views);
      if (!usable || !storage) return;
      try {
        storage.setItem(key, JSON.stringify(views));
      } catch {
        usable = false;
      }
    },
  };
}

/** The query as JSON-safe data: `Date` bounds become ISO strings. */
export function toStoredQuery(query: AuditLogQueryInput): AuditLogQueryInput {
  const stored: AuditLogQueryInput = { ...query };
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
