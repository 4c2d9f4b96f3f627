import type { ListFilter } from '../../contract/schemas/query.js';
import { EVENT_TYPE_LABELS, mergeLabelSet, type AuditLabels } from '../ui/labels.js';

/** The filters' own visible strings; override any of them through the `labels` prop. */
export const FILTER_LABELS = {
  filters: 'Filters',
  timeRange: 'Time range',
  presets: {
    '15m': 'Last 15 minutes',
    '1h': 'Last hour',
    '24h': 'Last 24 hours',
    '7d': 'Last 7 days',
    '30d': 'Last 30 days',
  },
  from: 'From',
  to: 'To',
  eventTypes: 'Event types',
  severities: 'Severities',
  eventTypeNames: { ...EVENT_TYPE_LABELS },
  resourceType: 'Resource type',
  user: 'User',
  ipAddress: 'IP address',
  sessionId: 'Session',
  correlationId: 'Correlation id',
  search: 'Search',
  activeFilters: 'Active filters',
  removeFilter: 'Remove filter',
  clearAll: 'Clear all',
  savedViews: 'Saved views',
  viewName: 'View name',
  saveView: 'Save view',
  deleteView: 'Delete view',
  noSavedViews: 'No saved views yet.',
  facets: 'Fields',
  excludeValue: 'Exclude',
  notValue: 'not',
  lastDuration: 'Last',
  excludedValue: 'excluded',
  moreValues: 'More',
  fewerValues: 'Fewer',
  noValues: 'No values',
  loadingValues: 'Counting…',
  facetsUnavailable: 'This server does not count values by field, so no counts are shown.',
  facetsError: 'Could not count the values',
  queryBar: 'Query',
  queryBarHint: 'field:value, -field:value to exclude, "quoted text" to search',
  suggestions: 'Suggestions',
  queryErrors: 'Problems in the query',
  applyQuery: 'Apply',
};

export type FilterLabels = typeof FILTER_LABELS;
export type FilterLabelOverrides = Partial<Omit<FilterLabels, 'presets' | 'eventTypeNames'>> & {
  presets?: Partial<FilterLabels['presets']>;
  eventTypeNames?: Partial<FilterLabels['eventTypeNames']>;
};

export function mergeFilterLabels(overrides: FilterLabelOverrides | undefined): FilterLabels {
  return mergeLabelSet(FILTER_LABELS, overrides, ['presets', 'eventTypeNames']);
}

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
        key === 'event_types'
          ? labels.eventTypeNames
          : key === 'severities'
            ? ui.severities
            : undefined;
      return names?.[item] ?? item;
    },
  };
}
