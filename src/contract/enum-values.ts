/** Values of an `as const` map, as a tuple zod can enumerate. */
export function valuesOf<T extends Record<string, string>>(map: T): [T[keyof T], ...T[keyof T][]] {
  return Object.values(map) as [T[keyof T], ...T[keyof T][]];
}

// Each enum is a value map (so `EventType.USER_ACTION` reads as in the seed) plus a
// union type of its wire strings; `schemas/enums.ts` holds the zod schemas that check them.

export const EventType = {
  AUTHENTICATION: 'authentication',
  AUTHORIZATION: 'authorization',
  DATA_ACCESS: 'data_access',
  DATA_MODIFICATION: 'data_modification',
  SYSTEM_EVENT: 'system_event',
  USER_ACTION: 'user_action',
  API_CALL: 'api_call',
  ERROR: 'error',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];
export const EVENT_TYPES = valuesOf(EventType);

/** Ordered from most to least severe; sorting by severity follows this order. */
export const Severity = {
  CRITICAL: 'critical',
  ERROR: 'error',
  WARNING: 'warning',
  INFO: 'info',
  DEBUG: 'debug',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];
export const SEVERITIES = valuesOf(Severity);

export const UserRole = {
  SYSTEM_ADMIN: 'system_admin',
  TENANT_ADMIN: 'tenant_admin',
  AUDIT_MANAGER: 'audit_manager',
  AUDIT_VIEWER: 'audit_viewer',
  API_USER: 'api_user',
} as const;
export type UserRole = (typeof UserRole)[keyof typeof UserRole];
export const USER_ROLES = valuesOf(UserRole);

export const ApiKeyPermission = {
  READ: 'read',
  WRITE: 'write',
  EXPORT: 'export',
  /** Mint viewer sessions for the host's own users (see `ViewerSessionCreate`). */
  EMBED: 'embed',
} as const;
export type ApiKeyPermission = (typeof ApiKeyPermission)[keyof typeof ApiKeyPermission];
export const API_KEY_PERMISSIONS = valuesOf(ApiKeyPermission);

export const SortField = {
  TIMESTAMP: 'timestamp',
  SEVERITY: 'severity',
  EVENT_TYPE: 'event_type',
  ACTION: 'action',
  RESOURCE_TYPE: 'resource_type',
  USER_ID: 'user_id',
  CREATED_AT: 'created_at',
} as const;
export type SortField = (typeof SortField)[keyof typeof SortField];
export const SORT_FIELDS = valuesOf(SortField);

export const SortOrder = { ASC: 'asc', DESC: 'desc' } as const;
export type SortOrder = (typeof SortOrder)[keyof typeof SortOrder];

export const ExportFormat = { JSON: 'json', CSV: 'csv' } as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];

export const SummaryInterval = { MINUTE: 'minute', HOUR: 'hour', DAY: 'day' } as const;
export type SummaryInterval = (typeof SummaryInterval)[keyof typeof SummaryInterval];
