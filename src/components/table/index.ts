export { AuditLogTable, ROW_HEIGHT } from './audit-log-table.js';
export type {
  AuditLogTableDensity,
  AuditLogTableActions,
  AuditLogTableProps,
  AuditLogTableState,
} from './audit-log-table.js';
export {
  ConnectedAuditLogTable,
  type ConnectedAuditLogTableProps,
} from './connected-audit-log-table.js';
export { mergeColumns, type AuditLogColumn, type AuditLogSort } from './audit-log-column.js';
export { createDefaultColumns, useDefaultColumns } from './default-columns.js';
export {
  ColumnSettings,
  DensityToggle,
  orderColumns,
  type AuditLogColumnVisibility,
  type ColumnSettingsLabels,
  type ColumnSettingsProps,
  type DensityToggleProps,
} from './column-settings.js';
export type { Updater } from './use-controllable.js';
