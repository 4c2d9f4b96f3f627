'use client';
// `audit-log-sdk/components`: dashboard parts (styles in `audit-log-sdk/styles.css`). The
// entry exports components, their props and the documented helpers, and nothing else; the
// README's "Public surface" lists them and test/package holds this file to that list.

// Shared settings and labels
export {
  AuditUiProvider,
  useAuditUi,
  type AuditUiProviderProps,
  type AuditUiSettings,
} from './ui/audit-ui-context.js';
export {
  DEFAULT_LABELS,
  type AuditLabelOverrides,
  type AuditLabels,
  type LabelOverrides,
} from './ui/labels.js';
export { formatTimestamp, type TimeDisplay } from './format/format-time.js';

// Controls, in the kit's look (for a host's own arrangement of the parts)
export {
  Button,
  IconButton,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
  type IconButtonProps,
} from './ui/button.js';
export { Toggle, type ToggleProps } from './ui/toggle.js';
export { Popover, type PopoverProps } from './ui/popover.js';
export { Menu, type MenuItem, type MenuProps } from './ui/menu.js';
export { Select, TextInput } from './ui/text-input.js';

// Small parts
export { LongText, type LongTextProps } from './format/long-text.js';
export { ExpandableText, type ExpandableTextProps } from './format/expandable-text.js';
export { SeverityBadge, type SeverityBadgeProps } from './severity-badge/severity-badge.js';
export { LoginForm, type LoginFormProps } from './login-form/login-form.js';
export {
  SummaryCards,
  ConnectedSummaryCards,
  type SummaryCardsProps,
} from './summary-cards/summary-cards.js';
export { AuditEventDetail, type AuditEventDetailProps } from './event-detail/audit-event-detail.js';
export { ExportButton, type ExportButtonProps } from './export-button/export-button.js';
export { LiveTail, type LiveTailProps } from './live-tail/live-tail.js';

// Table
export {
  AuditLogTable,
  ColumnSettings,
  ConnectedAuditLogTable,
  DensityToggle,
  createDefaultColumns,
  useDefaultColumns,
  type AuditLogColumn,
  type AuditLogColumnVisibility,
  type AuditLogSort,
  type ColumnSettingsLabels,
  type ColumnSettingsProps,
  type DensityToggleProps,
  type AuditLogTableDensity,
  type AuditLogTableActions,
  type AuditLogTableProps,
  type AuditLogTableState,
  type ConnectedAuditLogTableProps,
  type Updater,
} from './table/index.js';

// Charts are in `audit-log-sdk/charts`, so an app that shows none never loads recharts.

// Filters, saved views and the URL
export {
  AuditLogFilters,
  ConnectedAuditLogFilters,
  FILTER_LABELS,
  SavedViews,
  formatAuditUrlState,
  localStorageSavedViewStorage,
  memorySavedViewStorage,
  parseAuditUrlState,
  useAuditQueryParams,
  useSavedViews,
  type AuditLogFiltersProps,
  type ConnectedAuditLogFiltersProps,
  type AuditUrlState,
  type AuditUrlStateUpdate,
  type FilterLabelOverrides,
  type FilterLabels,
  type SavedView,
  type SavedViewQuery,
  type SavedViewStorage,
  type SavedViewsProps,
} from './filters/index.js';

// Who read the log
export { AccessLog, type AccessLogProps } from './access/access-log.js';

// Facets
export {
  ConnectedFacetSidebar,
  FacetSidebar,
  type ConnectedFacetSidebarProps,
  type FacetSidebarProps,
} from './facets/index.js';

// Query bar
export {
  AuditQueryBar,
  ConnectedAuditQueryBar,
  type AuditQueryBarProps,
  type ConnectedAuditQueryBarProps,
  type QueryBarValue,
} from './query-bar/index.js';

// Pivots from a field's value, and one resource's history
export { ResourceHistory, type ResourceHistoryProps } from './resource-history/index.js';
export type { PivotField, PivotMode, ResourceRef } from './pivots/pivot-model.js';

// One view shared by the parts inside it, and the whole viewer laid out from them
export { AuditLogView, type AuditLogViewProps } from './viewer/audit-log-view.js';
export { useAuditLogView, type AuditLogViewOptions } from './viewer/use-audit-log-view.js';
export { useAuditLogViewContext, type AuditLogViewController } from './viewer/view-context.js';
export { AuditLogPager, type AuditLogPagerProps } from './viewer/audit-log-pager.js';
export { AuditLogDetailPanel, type AuditLogDetailPanelProps } from './viewer/detail-panel.js';
export {
  AuditLogViewer,
  type AuditLogViewerProps,
  type ViewerPart,
} from './viewer/audit-log-viewer.js';

// Integrity: marks, the failure banner, the proof section and "Verify a file"
export {
  AuditLogIntegrity,
  EventIntegrityMark,
  INTEGRITY_COLUMN_ID,
  IntegrityBanner,
  IntegrityMark,
  IntegrityProof,
  VerifyExportFile,
  createIntegrityColumn,
  useIntegrity,
  type AuditLogIntegrityProps,
  type EventIntegrityMarkProps,
  type IntegrityBannerProps,
  type IntegrityMarkProps,
  type IntegrityMarkState,
  type IntegrityProofProps,
  type VerifyExportFileProps,
} from './integrity/index.js';
