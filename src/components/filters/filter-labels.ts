import type { ListFilter } from '../../contract/schemas/query.js';
import { EVENT_TYPE_LABELS, type AuditLabels } from '../ui/labels.js';

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
};

export type FilterLabels = typeof FILTER_LABELS;
export type FilterLabelOverrides = Partial<Omit<FilterLabels, 'presets' | 'eventTypeNames'>> & {
  presets?: Partial<FilterLabels['presets']>;
  eventTypeNames?: Partial<FilterLabels['eventTypeNames']>;
};

export function mergeFilterLabels(overrides: FilterLabelOverrides | undefined): FilterLabels {
  if (!overrides) return FILTER_LABELS;
  return {
    ...FILTER_LABELS,
    ...overrides,
    presets: { ...FILTER_LABELS.presets, ...overrides.presets },
    eventTypeNames: { ...FILTER_LABELS.eventTypeNames, ...overrides.eventTypeNames },
  };
}

/** Filters titled by the shared labels, as the table's columns are. */
const SHARED_TITLES = {
  event_types: 'eventType',
  severities: 'severity',
  resource_ids: 'resource',
  actions: 'action',
} as const satisfies Partial<Record<ListFilter, keyof AuditLabels>>;

/** Filters titled by the filters' own labels. */
const OWN_TITLES = {
  resource_types: 'resourceType',
  user_ids: 'user',
  ip_addresses: 'ipAddress',
  session_ids: 'sessionId',
  correlation_ids: 'correlationId',
} as const satisfies Partial<Record<ListFilter, keyof FilterLabels>>;

/** The legends over an option list: the plural of the title. */
const OPTION_LEGENDS = {
  event_types: 'eventTypes',
  severities: 'severities',
} as const satisfies Partial<Record<ListFilter, keyof FilterLabels>>;

export interface FilterNames {
  /** "Severity", "User"…; a filter added to the field table before its label shows its key. */
  title: (key: ListFilter) => string;
  /** The legend over an option list ("Severities"). */
  legend: (key: ListFilter) => string;
  /** A value as shown: event types and severities by name, anything else as it is. */
  value: (key: ListFilter, item: string) => string;
}

const lookup = <T extends string>(map: Partial<Record<ListFilter, T>>, key: ListFilter) => map[key];

export function filterNames(labels: FilterLabels, ui: AuditLabels): FilterNames {
  const title = (key: ListFilter): string => {
    const own = lookup<keyof FilterLabels>(OWN_TITLES, key);
    if (own) return labels[own] as string;
    const shared = lookup<keyof AuditLabels>(SHARED_TITLES, key);
    return shared ? (ui[shared] as string) : key;
  };
  return {
    title,
    legend: (key) => {
      const legend = lookup<keyof FilterLabels>(OPTION_LEGENDS, key);
      return legend ? (labels[legend] as string) : title(key);
    },
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
