import type { AuditLogQueryInput } from '../../client/index.js';
import type { RelativeDuration } from '../../client/search/index.js';
import { excludeKey, filterFields, type ListFilter } from '../../contract/filter-lists.js';

/** Time range presets, each a duration back from now. */
export const TIME_PRESETS = [
  { id: '15m', ms: 15 * 60_000 },
  { id: '1h', ms: 3_600_000 },
  { id: '24h', ms: 86_400_000 },
  { id: '7d', ms: 7 * 86_400_000 },
  { id: '30d', ms: 30 * 86_400_000 },
] as const;
export type TimePresetId = (typeof TIME_PRESETS)[number]['id'];

/** The list filters typed in the filter bar, in field-table order; each takes one value. */
export const TEXT_FILTERS: readonly ListFilter[] = filterFields()
  .filter(([, row]) => row.kind === 'text')
  .map(([key]) => key);
export type DraftKey = ListFilter | 'search';

/** What each text input holds: `search` and one entry per text filter. */
export type Drafts = { search: string } & Partial<Record<ListFilter, string>>;

/** What the text inputs show for a query. */
export function draftsOf(query: AuditLogQueryInput): Drafts {
  const drafts: Drafts = { search: query.search ?? '' };
  for (const key of TEXT_FILTERS)
    drafts[key] = (query[key] as readonly string[] | undefined)?.[0] ?? '';
  return drafts;
}

/** The query without the given keys. */
export function omitKeys(
  query: AuditLogQueryInput,
  ...keys: (keyof AuditLogQueryInput)[]
): AuditLogQueryInput {
  return Object.fromEntries(
    Object.entries(query).filter(([key]) => !keys.includes(key as keyof AuditLogQueryInput)),
  ) as AuditLogQueryInput;
}

/** The query with the drafts applied; an empty field removes its filter. */
export function applyDrafts(query: AuditLogQueryInput, drafts: Drafts): AuditLogQueryInput {
  const emptied: (keyof AuditLogQueryInput)[] = [];
  const next: AuditLogQueryInput = { ...query };
  if (drafts.search.trim()) next.search = drafts.search;
  else emptied.push('search');
  for (const key of TEXT_FILTERS) {
    const text = drafts[key] ?? '';
    if (text.trim()) (next as Record<string, unknown>)[key] = [text];
    else emptied.push(key);
  }
  return omitKeys(next, ...emptied);
}

/** A preset's start: `ms` before now, as an ISO string. */
export function presetStart(ms: number, now = Date.now()): string {
  return new Date(now - ms).toISOString();
}

/** Drops empty lists and strings, so chips and URLs see only real filters. */
export function compactQuery(query: AuditLogQueryInput): AuditLogQueryInput {
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    next[key] = value;
  }
  return next as AuditLogQueryInput;
}

export interface FilterChip {
  /** Stable key for React. */
  id: string;
  /** "Severity: Error" */
  text: string;
  /** The query without this filter. */
  without: (query: AuditLogQueryInput) => AuditLogQueryInput;
  /** Removes a filter kept outside the query (`last`), instead of `without`. */
  remove?: () => void;
  /** A list filter's value apart from its words ("User: not "), for a chip that names it. */
  item?: { key: ListFilter; value: string; prefix: string };
}

function withoutItem(key: ListFilter | `exclude_${ListFilter}`, item: string) {
  return (query: AuditLogQueryInput): AuditLogQueryInput => {
    const rest = ((query[key] ?? []) as readonly string[]).filter((value) => value !== item);
    return compactQuery({ ...query, [key]: rest });
  };
}

function withoutKey(key: keyof AuditLogQueryInput) {
  return (query: AuditLogQueryInput): AuditLogQueryInput => omitKeys(query, key);
}

export interface ChipNames {
  /** A list filter's title: "Severity", "User"… */
  title: (key: ListFilter) => string;
  /** A value as shown: an enum value by its name, anything else as it is. */
  value: (key: ListFilter, item: string) => string;
  from: string;
  to: string;
  search: string;
  formatTime: (value: Date | string) => string;
  /** Put before an excluded value: "Action: not read". */
  not: string;
  /** A relative range as read: "Last 15 minutes". */
  last: (duration: RelativeDuration) => string;
  timeRange: string;
}

/** Chip order: the picked values (event types, severities) first, then the typed ones. */
function chipOrder(): ListFilter[] {
  const rows = filterFields();
  return [
    ...rows.filter(([, row]) => row.kind === 'enum'),
    ...rows.filter(([, row]) => row.kind !== 'enum'),
  ].map(([key]) => key);
}

/**
 * One removable chip per active filter value and exclusion. `last`, a range relative to now
 * kept beside the query, is a chip too; removing it calls its `clear`.
 */
export function filterChips(
  query: AuditLogQueryInput,
  names: ChipNames,
  last?: { duration: RelativeDuration; clear: () => void },
): FilterChip[] {
  const chips: FilterChip[] = [];
  if (last !== undefined)
    chips.push({
      id: 'last',
      text: `${names.timeRange}: ${names.last(last.duration)}`,
      without: (current) => current,
      remove: last.clear,
    });
  if (query.start_date !== undefined)
    chips.push({
      id: 'start_date',
      text: `${names.from}: ${names.formatTime(query.start_date)}`,
      without: withoutKey('start_date'),
    });
  if (query.end_date !== undefined)
    chips.push({
      id: 'end_date',
      text: `${names.to}: ${names.formatTime(query.end_date)}`,
      without: withoutKey('end_date'),
    });
  for (const key of chipOrder())
    for (const item of (query[key] ?? []) as readonly string[])
      chips.push({
        id: `${key}:${item}`,
        text: `${names.title(key)}: ${names.value(key, item)}`,
        without: withoutItem(key, item),
        item: { key, value: item, prefix: `${names.title(key)}: ` },
      });
  for (const key of chipOrder())
    for (const item of (query[excludeKey(key)] ?? []) as readonly string[])
      chips.push({
        id: `${excludeKey(key)}:${item}`,
        text: `${names.title(key)}: ${names.not} ${names.value(key, item)}`,
        without: withoutItem(excludeKey(key), item),
        item: { key, value: item, prefix: `${names.title(key)}: ${names.not} ` },
      });
  if (query.search)
    chips.push({
      id: 'search',
      text: `${names.search}: ${query.search}`,
      without: withoutKey('search'),
    });
  return chips;
}

/** Every filter removed; the sort order stays, since it is not a filter. */
export function clearFilters(query: AuditLogQueryInput): AuditLogQueryInput {
  const next: AuditLogQueryInput = {};
  if (query.sort_by !== undefined) next.sort_by = query.sort_by;
  if (query.sort_order !== undefined) next.sort_order = query.sort_order;
  return next;
}
