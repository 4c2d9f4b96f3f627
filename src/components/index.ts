'use client';
// `audit-log-sdk/components`: dashboard parts (styles in `audit-log-sdk/styles.css`).
export {
  AuditUiProvider,
  useAuditUi,
  type AuditUiProviderProps,
  type AuditUiSettings,
} from './ui/audit-ui-context.js';
export { DEFAULT_LABELS, type AuditLabelOverrides, type AuditLabels } from './ui/labels.js';
export { formatTimestamp, type TimeDisplay } from './format/format-time.js';
export { LongText, type LongTextProps } from './format/long-text.js';
export { ExpandableText, type ExpandableTextProps } from './format/expandable-text.js';
export { CELL_TEXT_LIMIT, DETAIL_TEXT_LIMIT, truncateText } from './format/truncate-text.js';
export { SeverityBadge, type SeverityBadgeProps } from './severity-badge/severity-badge.js';
export { LoginForm, type LoginFormProps } from './login-form/login-form.js';
export {
  SummaryCards,
  ConnectedSummaryCards,
  type SummaryCardsProps,
} from './summary-cards/summary-cards.js';
export { AuditEventDetail, type AuditEventDetailProps } from './event-detail/audit-event-detail.js';
export {
  AuditLogTable,
  ColumnSettings,
  ConnectedAuditLogTable,
  DensityToggle,
  orderColumns,
  createDefaultColumns,
  mergeColumns,
  ROW_HEIGHT,
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
} from './table/index.js';
export { ExportButton, type ExportButtonProps } from './export-button/export-button.js';
export { LiveTail, type LiveTailProps } from './live-tail/live-tail.js';
export * from './filters/index.js';
export {
  AuditLogViewer,
  type AuditLogViewerProps,
  type ViewerPart,
} from './viewer/audit-log-viewer.js';
