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
  DensityToggle,
  orderColumns,
  type AuditLogColumnVisibility,
  type DensityToggleProps,
} from './column-settings.js';
export {
  ColumnSettings,
  type ColumnSettingsLabels,
  type ColumnSettingsProps,
} from './column-settings-menu.js';
export type { Updater } from './use-controllable.js';
