export { AuditQueryBar, type AuditQueryBarProps } from './audit-query-bar.js';
export {
  ConnectedAuditQueryBar,
  type ConnectedAuditQueryBarProps,
} from './connected-audit-query-bar.js';
export type { QueryBarValue } from './query-bar-model.js';
