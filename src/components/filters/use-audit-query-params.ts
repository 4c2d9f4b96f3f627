'use client';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import { isListFilter, toSearchParams } from '../../contract/query-params.js';
import { IdSchema } from '../../contract/schemas/fields.js';
import {
  AuditLogQuerySchema,
  filterFields,
  LIST_FILTERS,
  PaginationSchema,
} from '../../contract/schemas/query.js';

/** What the URL holds: the filters, the page, the visible columns and the open event. */
export interface AuditUrlState {
  query: AuditLogQueryInput;
  /** 1-based. */
  page: number;
  /** Visible column ids, in order; undefined means the table's default. */
  columns: string[] | undefined;
  /** The event whose detail is open. */
  eventId: string | undefined;
}

export type AuditUrlStateUpdate = AuditUrlState | ((previous: AuditUrlState) => AuditUrlState);

const PAGE = 'page';
const COLUMNS = 'columns';
const EVENT = 'event';
const SCALAR_KEYS = ['start_date', 'end_date', 'search', 'sort_by', 'sort_order'] as const;
const OWN_KEYS: ReadonlySet<string> = new Set([
  ...LIST_FILTERS,
  ...SCALAR_KEYS,
  PAGE,
  COLUMNS,
  EVENT,
]);

const valid = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

/**
 * The state a query string describes, read leniently with the contract's own schemas: each
 * value the API would refuse is skipped (a list keeps its valid items), never thrown.
 */
export function parseAuditUrlState(search: string): AuditUrlState {
  const params = new URLSearchParams(search);
  const query: Record<string, unknown> = {};
  for (const [key, row] of filterFields()) {
    const items = params.getAll(key).filter((item) => valid(row.item, item));
    if (items.length > 0) query[key] = [...new Set(items)];
  }
  for (const key of SCALAR_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== '' && valid(AuditLogQuerySchema.shape[key], value))
      query[key] = value;
  }
  const page = PaginationSchema.shape.page.safeParse(params.get(PAGE) ?? undefined);
  const columns = params.has(COLUMNS)
    ? params.getAll(COLUMNS).filter((id) => valid(IdSchema, id))
    : undefined;
  const event = params.get(EVENT);
  return {
    query: query as AuditLogQueryInput,
    page: page.success ? page.data : 1,
    columns,
    eventId: event !== null && valid(IdSchema, event) ? event : undefined,
  };
}

/** `search` with this hook's parameters replaced by the state's; other parameters are kept. */
export function formatAuditUrlState(state: AuditUrlState, search = ''): string {
  const params = new URLSearchParams(search);
  for (const key of OWN_KEYS) params.delete(key);
  const own = toSearchParams(
    state.query as Readonly<Record<string, string | Date | readonly string[] | undefined>>,
  );
  for (const [key, value] of own) {
    if (isListFilter(key) || (SCALAR_KEYS as readonly string[]).includes(key))
      params.append(key, value);
  }
  if (state.page > 1) params.set(PAGE, String(state.page));
  // An empty column list is kept as one empty parameter so "no columns" survives a reload.
  if (state.columns) {
    if (state.columns.length === 0) params.set(COLUMNS, '');
    for (const id of state.columns) params.append(COLUMNS, id);
  }
  if (state.eventId !== undefined) params.set(EVENT, state.eventId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

// Every hook instance in the page reads the same URL; writes notify them all.
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const readSearch = () => window.location.search;
const serverSearch = () => '';

/**
 * Query, page, visible columns and open event, kept in the URL's query string without a router:
 * list filters as repeated parameters, `replaceState` for edits, `pushState` when an event opens
 * (so Back closes it), and the browser's Back/Forward restore the state.
 */
export function useAuditQueryParams(): [
  AuditUrlState,
  (update: AuditUrlStateUpdate) => void,
  (eventId: string) => string,
] {
  const search = useSyncExternalStore(subscribe, readSearch, serverSearch);
  const state = useMemo(() => parseAuditUrlState(search), [search]);

  const setState = useCallback((update: AuditUrlStateUpdate) => {
    if (typeof window === 'undefined') return;
    const previous = parseAuditUrlState(window.location.search);
    const next = typeof update === 'function' ? update(previous) : update;
    const nextSearch = formatAuditUrlState(next, window.location.search);
    if (nextSearch === window.location.search) return;
    const url = `${window.location.pathname}${nextSearch}${window.location.hash}`;
    const opensEvent = next.eventId !== undefined && next.eventId !== previous.eventId;
    if (opensEvent) window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
    for (const listener of listeners) listener();
  }, []);

  const linkTo = useCallback(
    (eventId: string) => {
      const query = formatAuditUrlState({ ...state, eventId }, search);
      if (typeof window === 'undefined') return query;
      return `${window.location.origin}${window.location.pathname}${query}`;
    },
    [state, search],
  );

  return [state, setState, linkTo];
}
