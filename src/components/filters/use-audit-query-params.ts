'use client';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import type { RelativeDuration } from '../../client/search/index.js';
import { parseRelativeDuration } from '../../client/search/relative-time.js';
import { isListFilter, toSearchParams } from '../../contract/query-params.js';
import { DOUBT, type Check } from '../../contract/checked.js';
import { excludeKey, LIST_FILTERS } from '../../contract/filter-lists.js';
import {
  AuditLogQueryFields,
  IdCheck,
  PaginationFields,
} from '../../contract/generated/validators.js';

/** What the URL holds: the filters, the page, the visible columns and the open event. */
export interface AuditUrlState {
  query: AuditLogQueryInput;
  /** 1-based. */
  page: number;
  /** Visible column ids, in order; undefined means the table's default. */
  columns: string[] | undefined;
  /** The event whose detail is open. */
  eventId: string | undefined;
  /**
   * A range that counts back from now (`last=24h`), kept relative so a link or a saved view
   * opened tomorrow shows tomorrow's last 24 hours; it replaces `start_date` and `end_date`.
   * Resolve it when querying (`resolveAuditSearch`).
   */
  last?: RelativeDuration | undefined;
  /** The resource whose history is shown in place of the list; the query waits behind it. */
  history?: { resource_type: string; resource_id: string } | undefined;
}

export type AuditUrlStateUpdate = AuditUrlState | ((previous: AuditUrlState) => AuditUrlState);

const PAGE = 'page';
const COLUMNS = 'columns';
const EVENT = 'event';
const LAST = 'last';
const HISTORY_TYPE = 'history_type';
const HISTORY_ID = 'history_id';
const SCALAR_KEYS = ['start_date', 'end_date', 'search', 'sort_by', 'sort_order'] as const;
const EXCLUDE_KEYS: readonly string[] = LIST_FILTERS.map((key) => excludeKey(key));
const OWN_KEYS: ReadonlySet<string> = new Set([
  ...LIST_FILTERS,
  ...EXCLUDE_KEYS,
  LAST,
  ...SCALAR_KEYS,
  PAGE,
  COLUMNS,
  EVENT,
  HISTORY_TYPE,
  HISTORY_ID,
]);

const valid = (check: Check<unknown>, value: unknown) => check(value) !== DOUBT;

/**
 * The state a query string describes, read leniently with the contract's own schemas (their
 * generated validators): each value the API would refuse is skipped (a list keeps its valid
 * items), never thrown.
 */
export function parseAuditUrlState(search: string): AuditUrlState {
  const params = new URLSearchParams(search);
  const query: Record<string, unknown> = {};
  for (const key of LIST_FILTERS) {
    for (const name of [key, excludeKey(key)]) {
      const items = params.getAll(name).filter((item) => valid(AuditLogQueryFields[name], [item]));
      if (items.length > 0) query[name] = [...new Set(items)];
    }
  }
  const last = parseRelativeDuration(params.get(LAST) ?? '') ?? undefined;
  for (const key of SCALAR_KEYS) {
    // A relative range stands in for both ends, as in the search language.
    if (last && (key === 'start_date' || key === 'end_date')) continue;
    const value = params.get(key);
    if (value !== null && value !== '' && valid(AuditLogQueryFields[key], value))
      query[key] = value;
  }
  const page = PaginationFields.page(params.get(PAGE) ?? undefined);
  const columns = params.has(COLUMNS)
    ? params.getAll(COLUMNS).filter((id) => valid(IdCheck.check, id))
    : undefined;
  const event = params.get(EVENT);
  // Checked as the filters that read the history check them.
  const historyType = params.get(HISTORY_TYPE);
  const historyId = params.get(HISTORY_ID);
  const history =
    historyType !== null &&
    historyId !== null &&
    valid(AuditLogQueryFields.resource_types, [historyType]) &&
    valid(AuditLogQueryFields.resource_ids, [historyId])
      ? { resource_type: historyType, resource_id: historyId }
      : undefined;
  return {
    query: query as AuditLogQueryInput,
    page: page === DOUBT ? 1 : page,
    columns,
    eventId: event !== null && valid(IdCheck.check, event) ? event : undefined,
    ...(last ? { last } : {}),
    ...(history ? { history } : {}),
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
    if (
      isListFilter(key) ||
      EXCLUDE_KEYS.includes(key) ||
      (SCALAR_KEYS as readonly string[]).includes(key)
    )
      params.append(key, value);
  }
  if (state.last) {
    params.delete('start_date');
    params.delete('end_date');
    params.set(LAST, state.last);
  }
  if (state.page > 1) params.set(PAGE, String(state.page));
  // An empty column list is kept as one empty parameter so "no columns" survives a reload.
  if (state.columns) {
    if (state.columns.length === 0) params.set(COLUMNS, '');
    for (const id of state.columns) params.append(COLUMNS, id);
  }
  if (state.eventId !== undefined) params.set(EVENT, state.eventId);
  if (state.history) {
    params.set(HISTORY_TYPE, state.history.resource_type);
    params.set(HISTORY_ID, state.history.resource_id);
  }
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
 * list filters as repeated parameters, `replaceState` for edits, `pushState` when an event or a
 * resource's history opens (so Back closes it), and the browser's Back/Forward restore the state.
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
    const opensHistory =
      next.history !== undefined &&
      (next.history.resource_type !== previous.history?.resource_type ||
        next.history.resource_id !== previous.history?.resource_id);
    if (opensEvent || opensHistory) window.history.pushState(window.history.state, '', url);
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
