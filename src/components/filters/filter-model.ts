import type { AuditLogQueryInput, EventType, ListFilter, Severity } from '../../client/index.js';
import type { FilterLabels } from './filter-labels.js';

/** Time range presets, each a duration back from now. */
export const TIME_PRESETS = [
  { id: '15m', ms: 15 * 60_000 },
  { id: '1h', ms: 3_600_000 },
  { id: '24h', ms: 86_400_000 },
  { id: '7d', ms: 7 * 86_400_000 },
  { id: '30d', ms: 30 * 86_400_000 },
] as const;
export type TimePresetId = (typeof TIME_PRESETS)[number]['id'];

/** Free-text fields; each sets its list filter to the one value typed. */
export const TEXT_FILTERS = [
  { key: 'resource_types', label: 'resourceType' },
  { key: 'user_ids', label: 'user' },
  { key: 'ip_addresses', label: 'ipAddress' },
  { key: 'session_ids', label: 'sessionId' },
  { key: 'correlation_ids', label: 'correlationId' },
] as const satisfies readonly { key: ListFilter; label: keyof FilterLabels }[];
export type TextFilterKey = (typeof TEXT_FILTERS)[number]['key'];
export type DraftKey = TextFilterKey | 'search';

export type Drafts = Record<DraftKey, string>;

/** What the text inputs show for a query. */
export function draftsOf(query: AuditLogQueryInput): Drafts {
  const drafts = { search: query.search ?? '' } as Drafts;
  for (const { key } of TEXT_FILTERS) drafts[key] = query[key]?.[0] ?? '';
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
  for (const { key } of TEXT_FILTERS) {
    if (drafts[key].trim()) next[key] = [drafts[key]];
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
}

function withoutItem(key: ListFilter, item: string) {
  return (query: AuditLogQueryInput): AuditLogQueryInput => {
    const rest = ((query[key] ?? []) as readonly string[]).filter((value) => value !== item);
    return compactQuery({ ...query, [key]: rest });
  };
}

function withoutKey(key: keyof AuditLogQueryInput) {
  return (query: AuditLogQueryInput): AuditLogQueryInput => omitKeys(query, key);
}

export interface ChipNames {
  /** Title per list filter: "Severity", "User"… */
  titles: Record<ListFilter, string>;
  from: string;
  to: string;
  search: string;
  severity: (value: Severity) => string;
  eventType: (value: EventType) => string;
  formatTime: (value: Date | string) => string;
}

const OTHER_LISTS = [
  'resource_types',
  'resource_ids',
  'actions',
  'user_ids',
  'ip_addresses',
  'session_ids',
  'correlation_ids',
] as const;

/** One removable chip per active filter value. */
export function filterChips(query: AuditLogQueryInput, names: ChipNames): FilterChip[] {
  const chips: FilterChip[] = [];
  const { titles } = names;
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
  for (const item of query.event_types ?? [])
    chips.push({
      id: `event_types:${item}`,
      text: `${titles.event_types}: ${names.eventType(item)}`,
      without: withoutItem('event_types', item),
    });
  for (const item of query.severities ?? [])
    chips.push({
      id: `severities:${item}`,
      text: `${titles.severities}: ${names.severity(item)}`,
      without: withoutItem('severities', item),
    });
  for (const key of OTHER_LISTS)
    for (const item of query[key] ?? [])
      chips.push({
        id: `${key}:${item}`,
        text: `${titles[key]}: ${item}`,
        without: withoutItem(key, item),
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
