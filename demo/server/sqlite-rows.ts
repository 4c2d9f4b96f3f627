import type {
  ApiKeyPermission,
  AuditLogEvent,
  EventType,
  Severity,
  UserRole,
} from '../../src/contract/schemas/index.js';
import { SEVERITY_RANK } from '../../src/server/store/event-order.js';
import type {
  ApiKeyRecord,
  RefreshTokenRecord,
  SessionRecord,
  UserRecord,
  ViewerSessionRecord,
} from '../../src/server/store/types.js';

// Instants are stored as epoch milliseconds and answered as fixed-width ISO strings, the
// one form the rest of the server uses, so text order and number order agree.

export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO timestamp: ${iso}`);
  return ms;
}

export function toMsOrNull(iso: string | null): number | null {
  return iso === null ? null : toMs(iso);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function toIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : toIso(ms);
}

export const EVENT_COLUMNS = [
  'id',
  'tenant_id',
  'event_type',
  'resource_type',
  'action',
  'severity',
  'description',
  'resource_id',
  'metadata',
  'ip_address',
  'user_agent',
  'session_id',
  'correlation_id',
  'user_id',
  'timestamp',
  'created_at',
  'sequence',
] as const;

export interface EventRow {
  id: string;
  tenant_id: string;
  event_type: EventType;
  resource_type: string;
  action: string;
  severity: Severity;
  description: string;
  resource_id: string | null;
  metadata: string | null;
  ip_address: string | null;
  user_agent: string | null;
  session_id: string | null;
  correlation_id: string | null;
  user_id: string | null;
  timestamp: number;
  created_at: number;
  /** Null only between adding the column and numbering old rows (one migration). */
  sequence: number | null;
}

export function toEvent(row: EventRow): AuditLogEvent {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    event_type: row.event_type,
    resource_type: row.resource_type,
    action: row.action,
    severity: row.severity,
    description: row.description,
    resource_id: row.resource_id,
    metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, unknown>),
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    session_id: row.session_id,
    correlation_id: row.correlation_id,
    user_id: row.user_id,
    timestamp: toIso(row.timestamp),
    created_at: toIso(row.created_at),
    ...(row.sequence === null ? {} : { sequence: row.sequence }),
  };
}

/** Values for `INSERT_EVENT_COLUMNS`, in its order. */
export function eventValues(event: AuditLogEvent): (string | number | null)[] {
  return [
    event.id,
    event.tenant_id,
    event.event_type,
    event.resource_type,
    event.action,
    event.severity,
    event.description,
    event.resource_id,
    event.metadata === null ? null : JSON.stringify(event.metadata),
    event.ip_address,
    event.user_agent,
    event.session_id,
    event.correlation_id,
    event.user_id,
    toMs(event.timestamp),
    toMs(event.created_at),
    event.sequence ?? null,
    SEVERITY_RANK[event.severity],
  ];
}

export const INSERT_EVENT_COLUMNS = [...EVENT_COLUMNS, 'severity_rank'] as const;

/** The users table's columns, `username_key` included. */
export const USER_COLUMNS = [
  'id',
  'tenant_id',
  'username',
  'username_key',
  'email',
  'full_name',
  'roles',
  'is_active',
  'password_hash',
  'created_at',
  'updated_at',
  'last_login_at',
] as const;

export interface UserRow {
  id: string;
  tenant_id: string;
  username: string;
  email: string;
  full_name: string | null;
  roles: string;
  is_active: number;
  password_hash: string;
  created_at: number;
  updated_at: number | null;
  last_login_at: number | null;
}

export function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    username: row.username,
    email: row.email,
    full_name: row.full_name,
    roles: JSON.parse(row.roles) as UserRole[],
    is_active: row.is_active === 1,
    password_hash: row.password_hash,
    created_at: toIso(row.created_at),
    updated_at: toIsoOrNull(row.updated_at),
    last_login_at: toIsoOrNull(row.last_login_at),
  };
}

/** Named parameters for the users table; `username_key` is what uniqueness compares. */
export function userParams(user: UserRecord) {
  return {
    id: user.id,
    tenant_id: user.tenant_id,
    username: user.username,
    username_key: user.username.toLowerCase(),
    email: user.email,
    full_name: user.full_name,
    roles: JSON.stringify(user.roles),
    is_active: user.is_active ? 1 : 0,
    password_hash: user.password_hash,
    created_at: toMs(user.created_at),
    updated_at: toMsOrNull(user.updated_at),
    last_login_at: toMsOrNull(user.last_login_at),
  };
}

export const API_KEY_COLUMNS = [
  'id',
  'tenant_id',
  'name',
  'permissions',
  'key_prefix',
  'key_hash',
  'created_by',
  'is_active',
  'created_at',
  'expires_at',
  'last_used_at',
  'updated_at',
] as const;

export interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  permissions: string;
  key_prefix: string;
  key_hash: string;
  created_by: string;
  is_active: number;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  updated_at: number | null;
}

export function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    name: row.name,
    permissions: JSON.parse(row.permissions) as ApiKeyPermission[],
    key_prefix: row.key_prefix,
    key_hash: row.key_hash,
    created_by: row.created_by,
    is_active: row.is_active === 1,
    created_at: toIso(row.created_at),
    expires_at: toIsoOrNull(row.expires_at),
    last_used_at: toIsoOrNull(row.last_used_at),
    updated_at: toIsoOrNull(row.updated_at),
  };
}

export function apiKeyParams(key: ApiKeyRecord) {
  return {
    ...key,
    permissions: JSON.stringify(key.permissions),
    is_active: key.is_active ? 1 : 0,
    created_at: toMs(key.created_at),
    expires_at: toMsOrNull(key.expires_at),
    last_used_at: toMsOrNull(key.last_used_at),
    updated_at: toMsOrNull(key.updated_at ?? null),
  };
}

export interface SessionRow {
  id: string;
  tenant_id: string;
  user_id: string;
  created_at: number;
  revoked_at: number | null;
}

export function toSession(row: SessionRow): SessionRecord {
  return { ...row, created_at: toIso(row.created_at), revoked_at: toIsoOrNull(row.revoked_at) };
}

export interface RefreshTokenRow {
  token_hash: string;
  session_id: string;
  expires_at: number;
  used_at: number | null;
}

export function toRefreshToken(row: RefreshTokenRow): RefreshTokenRecord {
  return { ...row, expires_at: toIso(row.expires_at), used_at: toIsoOrNull(row.used_at) };
}

export const VIEWER_SESSION_COLUMNS = [
  'id',
  'tenant_id',
  'subject',
  'permissions',
  'scope',
  'minted_by',
  'created_at',
  'expires_at',
  'revoked_at',
] as const;

/** A viewer session as both databases keep it: JSON as text, instants as milliseconds. */
export interface ViewerSessionRow {
  id: string;
  tenant_id: string;
  subject: string;
  permissions: string;
  scope: string | null;
  minted_by: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export function toViewerSession(row: ViewerSessionRow): ViewerSessionRecord {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    subject: JSON.parse(row.subject) as ViewerSessionRecord['subject'],
    permissions: JSON.parse(row.permissions) as ViewerSessionRecord['permissions'],
    scope: row.scope === null ? null : (JSON.parse(row.scope) as ViewerSessionRecord['scope']),
    minted_by: row.minted_by,
    created_at: toIso(row.created_at),
    expires_at: toIso(row.expires_at),
    revoked_at: toIsoOrNull(row.revoked_at),
  };
}

/** The row's values in `VIEWER_SESSION_COLUMNS` order. */
export function viewerSessionValues(session: ViewerSessionRecord): (string | number | null)[] {
  return [
    session.id,
    session.tenant_id,
    JSON.stringify(session.subject),
    JSON.stringify(session.permissions),
    session.scope === null ? null : JSON.stringify(session.scope),
    session.minted_by,
    toMs(session.created_at),
    toMs(session.expires_at),
    toMsOrNull(session.revoked_at),
  ];
}
