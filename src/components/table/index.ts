export { AuditLogTable, ROW_HEIGHT } from './audit-log-table.js';
export type {
  AuditLogTableDensity,
  AuditLogTableProps,
  AuditLogTableState,
} from './audit-log-table.js';
export {
  ConnectedAuditLogTable,
  type ConnectedAuditLogTableProps,
} from './connected-audit-log-table.js';
export { mergeColumns, type AuditLogColumn, type AuditLogSort } from './audit-log-column.js';
export { createDefaultColumns, useDefaultColumns } from './default-columns.js';
