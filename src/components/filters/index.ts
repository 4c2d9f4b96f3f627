export {
  AuditLogFilters,
  ConnectedAuditLogFilters,
  type AuditLogFiltersProps,
  type ConnectedAuditLogFiltersProps,
} from './audit-log-filters.js';
export { FILTER_LABELS, type FilterLabelOverrides, type FilterLabels } from './filter-labels.js';
export { TIME_PRESETS, type TimePresetId } from './filter-model.js';
export {
  formatAuditUrlState,
  parseAuditUrlState,
  useAuditQueryParams,
  type AuditUrlState,
  type AuditUrlStateUpdate,
} from './use-audit-query-params.js';
export {
  DEFAULT_SAVED_VIEWS_KEY,
  localStorageSavedViewStorage,
  memorySavedViewStorage,
  type SavedView,
  type SavedViewQuery,
  type SavedViewStorage,
} from './saved-views.js';
export { SavedViews, type SavedViewsProps } from './saved-views-panel.js';
export { useSavedViews } from './use-saved-views.js';
