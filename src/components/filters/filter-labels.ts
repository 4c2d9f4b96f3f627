import { EVENT_TYPE_LABELS } from '../ui/labels.js';

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
