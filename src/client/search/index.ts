// `audit-log-sdk/search`: the search language, `field:value` text to and from a query, with no
// UI and no I/O. An entry of its own, so apps without a search box do not ship it.
export { parseAuditSearch } from './parse-audit-search.js';
export { formatAuditSearch } from './format-audit-search.js';
export { resolveAuditSearch } from './relative-time.js';
export type {
  AuditSearchError,
  AuditSearchErrorCode,
  AuditSearchQuery,
  AuditSearchResult,
  RelativeDuration,
} from './search-query.js';
