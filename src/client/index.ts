// `audit-log-sdk`: the framework-free client. Runs in browsers, Node ≥ 20, workers and edge runtimes.
export { AuditLogClient } from './audit-log-client.js';
export type {
  CsvExport,
  ExportFile,
  ExportFileOptions,
  ExportOptions,
  PageOptions,
  RequestOptions,
  WriteOptions,
} from './audit-log-client.js';
export type { AuditLogClientOptions } from './client-options.js';
export type { Principal } from './auth/principal.js';
export type { BatchOptions } from './batch.js';
export { MAX_BLOB_EXPORT_BYTES, type ExportProgress } from './export-download.js';
export type { RequestHooks } from './http/transport.js';
export type { AccessTokenSource } from './auth/session.js';
export {
  hostSessionToken,
  type AccessTokenGrant,
  type HostSessionOptions,
} from './auth/host-session.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './http/retry-policy.js';
export {
  memoryTokenStore,
  sessionStorageTokenStore,
  type StoredTokens,
  type TokenStore,
} from './auth/token-store.js';
export * from './errors/index.js';

// The wire contract as an app meets it: the seed's models (types and zod schemas), enums and
// limits. Request parameter schemas and server helpers are in `audit-log-sdk/testing`.
export type {
  AuditLogEventInput,
  AuditLogQueryInput,
  TimestampInput,
} from '../contract/input-types.js';
export type {
  APIKeyCreate,
  APIKeyResponse,
  AuditLogEvent,
  AuditLogEventBatchCreate,
  AuditLogEventCreate,
  AuditLogExport,
  AuditLogQuery,
  AuditLogSummary,
  ConsistencyProof,
  ErrorBody,
  ExportColumn,
  ExportManifest,
  FacetField,
  FacetsResponse,
  FacetValue,
  Health,
  InclusionProof,
  Jwks,
  ListFilter,
  LogEntries,
  LoginRequest,
  PaginatedAuditLogs,
  Pagination,
  ProofsResponse,
  SessionInfo,
  SessionKind,
  SessionPermission,
  TimelineBucket,
  TokenResponse,
  TreeHead,
  UserCreate,
  UserResponse,
  UserUpdate,
  ViewerPermission,
  ViewerScope,
  ViewerSessionCreate,
  ViewerSessionResponse,
  ViewerSubject,
} from '../contract/schemas/index.js';
export {
  API_KEY_PERMISSIONS,
  CSV_COLUMNS,
  ApiKeyPermission,
  ErrorCode,
  EVENT_TYPES,
  EventType,
  ExportFormat,
  FACET_FIELDS,
  LIST_FILTERS,
  MAX_BATCH_SIZE,
  SEVERITIES,
  Severity,
  SORT_FIELDS,
  SortField,
  SortOrder,
  SummaryInterval,
  USER_ROLES,
  UserRole,
} from '../contract/schemas/index.js';
export {
  APIKeyCreateSchema,
  APIKeyResponseSchema,
  AuditLogEventCreateSchema,
  AuditLogEventSchema,
  AuditLogExportSchema,
  AuditLogQuerySchema,
  AuditLogSummarySchema,
  PaginatedAuditLogsSchema,
  safeParse,
  TokenResponseSchema,
  UserCreateSchema,
  UserResponseSchema,
  UserUpdateSchema,
} from '../contract/schemas/index.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../contract/constants.js';
