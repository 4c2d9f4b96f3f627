import type { ListFilter } from '../../contract/schemas/query.js';
import { DEFAULT_LABELS, type AuditLabels, type LabelOverrides } from '../ui/labels.js';

/** The filters' strings in English: the `filters` part of the one label catalog. */
export const FILTER_LABELS = DEFAULT_LABELS.filters;

export type FilterLabels = AuditLabels['filters'];
export type FilterLabelOverrides = LabelOverrides<FilterLabels>;

type Strings = Readonly<Record<string, unknown>>;

/**
 * Where each filter's title comes from: the shared labels (as the table's columns are titled)
 * or the filters' own; an option list's legend is the plural, from the filters' labels.
 */
const TITLES: Partial<Record<ListFilter, readonly ['ui' | 'filters', string, string?]>> = {
  event_types: ['ui', 'eventType', 'eventTypes'],
  severities: ['ui', 'severity', 'severities'],
  resource_ids: ['ui', 'resource'],
  actions: ['ui', 'action'],
  resource_types: ['filters', 'resourceType'],
  user_ids: ['filters', 'user'],
  ip_addresses: ['filters', 'ipAddress'],
  session_ids: ['filters', 'sessionId'],
  correlation_ids: ['filters', 'correlationId'],
};

export interface FilterNames {
  /** "Severity", "User"…; a filter added to the field table before its label shows its key. */
  title: (key: ListFilter) => string;
  /** The legend over an option list ("Severities"). */
  legend: (key: ListFilter) => string;
  /** A value as shown: event types and severities by name, anything else as it is. */
  value: (key: ListFilter, item: string) => string;
}

export function filterNames(labels: FilterLabels, ui: AuditLabels): FilterNames {
  const text = (from: Strings, key: string | undefined) =>
    key !== undefined && typeof from[key] === 'string' ? (from[key] as string) : undefined;
  const title = (key: ListFilter) => {
    const [source, name] = TITLES[key] ?? [];
    return text(source === 'ui' ? ui : labels, name) ?? key;
  };
  return {
    title,
    legend: (key) => text(labels, TITLES[key]?.[2]) ?? title(key),
    value: (key, item) => {
      const names: Readonly<Record<string, string>> | undefined =
        key === 'event_types' ? ui.eventTypes : key === 'severities' ? ui.severities : undefined;
      return names?.[item] ?? item;
    },
  };
}
