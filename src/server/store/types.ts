import type {
  ApiKeyPermission,
  AuditLogEvent,
  AuditLogQueryParsed,
  EventType,
  FacetField,
  FacetsResponse,
  Severity,
  SummaryInterval,
  UserRole,
  ViewerPermission,
  ViewerScope,
  ViewerSubject,
} from '../../contract/schemas/index.js';
import type { NodeId } from '../merkle/tree-math.js';

/** A value or a promise of one: the in-memory and SQLite stores answer synchronously, others need not. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The filters and sort of a query, already validated and normalised (timestamps in UTC `Z`).
 * `scope` is a viewer session's fixed part of the log, a second set of filters every store
 * applies together with the query's own, so no query path can read past it.
 */
export type EventFilter = AuditLogQueryParsed & { scope?: ViewerScope };

export interface UserRecord {
  id: string;
  tenant_id: string;
  username: string;
  email: string;
  full_name: string | null;
  roles: UserRole[];
  is_active: boolean;
  /** Self-describing PBKDF2 hash (see auth/passwords.ts); never leaves the server. */
  password_hash: string;
  created_at: string;
  updated_at: string | null;
  last_login_at: string | null;
}

export interface ApiKeyRecord {
  id: string;
  tenant_id: string;
  name: string;
  permissions: ApiKeyPermission[];
  key_prefix: string;
  /** SHA-256 of the key, hex; the key itself is shown once and never stored. */
  key_hash: string;
  created_by: string;
  is_active: boolean;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  /** When the key last changed (its revocation); absent or null when never. */
  updated_at?: string | null;
}

/** One login: its refresh tokens rotate, and revoking it ends them all. */
export interface SessionRecord {
  id: string;
  tenant_id: string;
  user_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** A session a host minted for one of its users: read-only, one tenant, one scope. */
export interface ViewerSessionRecord {
  id: string;
  tenant_id: string;
  subject: ViewerSubject;
  permissions: ViewerPermission[];
  scope: ViewerScope | null;
  /** `api_key:<id>` or `user:<id>`: the credential that minted it bounds it on every use. */
  minted_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RefreshTokenRecord {
  /** SHA-256 of the token, hex. */
  token_hash: string;
  session_id: string;
  expires_at: string;
  used_at: string | null;
}

export interface IdempotencyClaim {
  /**
   * The caller's key, already prefixed by the route with the principal (user or API key)
   * that sent it, so one principal can never replay another's request and read its answer.
   */
  key: string;
  /** Hash of route and body: the same key with another fingerprint is a conflict. */
  fingerprint: string;
  /** Records older than this instant (ISO) no longer count. */
  notBefore: string;
  now: string;
}

export type InsertEventsResult =
  | { status: 'created'; events: AuditLogEvent[] }
  | { status: 'replayed'; events: AuditLogEvent[] }
  | { status: 'conflict' };

export interface SummaryCounts {
  total_count: number;
  event_types: Partial<Record<EventType, number>>;
  severities: Partial<Record<Severity, number>>;
  resource_types: Record<string, number>;
  /** Earliest and latest matching timestamps, ISO; null when nothing matches. */
  min_timestamp: string | null;
  max_timestamp: string | null;
  /** Non-empty buckets only, keyed by the bucket's start in epoch milliseconds. */
  buckets: Map<number, { count: number; severities: Partial<Record<Severity, number>> }>;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * Where the reference API keeps its data. Every method is scoped by tenant where data belongs
 * to one, so a route cannot reach another tenant's rows by forgetting a `WHERE`.
 * Both implementations must pass the same contract suite.
 */
export interface AuditStore {
  // Settings the server keeps between restarts (for example its token signing secret).
  getMeta(key: string): MaybePromise<string | null>;
  setMeta(key: string, value: string): MaybePromise<void>;

  /** Throws `DuplicateError` when the tenant already has that username. */
  insertUser(user: UserRecord): MaybePromise<void>;
  getUser(tenantId: string, id: string): MaybePromise<UserRecord | null>;
  /** Usernames match case-insensitively. */
  findUserByUsername(tenantId: string, username: string): MaybePromise<UserRecord | null>;
  updateUser(user: UserRecord): MaybePromise<void>;
  countUsers(): MaybePromise<number>;

  insertApiKey(key: ApiKeyRecord): MaybePromise<void>;
  findApiKeyByHash(keyHash: string): MaybePromise<ApiKeyRecord | null>;
  touchApiKey(id: string, at: string): MaybePromise<void>;
  /** The tenant's keys, oldest first. */
  listApiKeys(tenantId: string): MaybePromise<ApiKeyRecord[]>;
  /** Deactivates a key; answers it as it is now, or null when the tenant has no such key. */
  revokeApiKey(tenantId: string, id: string, at: string): MaybePromise<ApiKeyRecord | null>;

  insertSession(session: SessionRecord): MaybePromise<void>;
  getSession(id: string): MaybePromise<SessionRecord | null>;
  revokeSession(id: string, at: string): MaybePromise<void>;
  /** Ends every live session of a user, except `keepSessionId` when given. */
  revokeUserSessions(
    tenantId: string,
    userId: string,
    at: string,
    keepSessionId?: string,
  ): MaybePromise<void>;
  insertViewerSession(session: ViewerSessionRecord): MaybePromise<void>;
  getViewerSession(tenantId: string, id: string): MaybePromise<ViewerSessionRecord | null>;
  /** Ends a viewer session; false when the tenant has no such session. */
  revokeViewerSession(tenantId: string, id: string, at: string): MaybePromise<boolean>;
  insertRefreshToken(token: RefreshTokenRecord): MaybePromise<void>;
  /** Marks the token used and answers it as it was before (so a second use sees `used_at`). */
  useRefreshToken(tokenHash: string, at: string): MaybePromise<RefreshTokenRecord | null>;

  /**
   * Stores all events or none. With a claim, a live record under the same key answers the
   * first result again (same fingerprint) or a conflict (another fingerprint), storing nothing.
   */
  insertEvents(
    tenantId: string,
    events: AuditLogEvent[],
    claim?: IdempotencyClaim,
  ): MaybePromise<InsertEventsResult>;
  /** The event, or null when the tenant has none by that id or it lies outside `scope`. */
  getEvent(tenantId: string, id: string, scope?: ViewerScope): MaybePromise<AuditLogEvent | null>;
  queryEvents(
    tenantId: string,
    filter: EventFilter,
    page: PageRequest,
  ): MaybePromise<{ items: AuditLogEvent[]; total: number }>;
  countEvents(tenantId: string, filter: EventFilter): MaybePromise<number>;
  /**
   * Matching events in query order, read lazily so an export of any size is never held in
   * memory at once. The caller may stop early; `return()` on the iterator releases it.
   * Sync or async; consumers iterate it with `for await` (or its async iterator).
   */
  streamEvents(
    tenantId: string,
    filter: EventFilter,
  ): Iterable<AuditLogEvent> | AsyncIterable<AuditLogEvent>;
  summarize(
    tenantId: string,
    filter: EventFilter,
    interval: SummaryInterval | null,
  ): MaybePromise<SummaryCounts>;
  /**
   * The matching events' total and, per field, its `limit` most frequent non-null values:
   * count descending, then value ascending in code-point order.
   */
  facets(
    tenantId: string,
    filter: EventFilter,
    fields: readonly FacetField[],
    limit: number,
  ): MaybePromise<FacetsResponse>;

  // Tamper evidence. `insertEvents` gives each new event the tenant's next `sequence` (0-based,
  // gap-free, in commit order) and, in the same transaction, stores the RFC 6962 tree nodes
  // it completes (see merkle/tree-append.ts). The tree is never rebuilt from the rows.

  /** Leaves in the tenant's log (= the next sequence). */
  getTreeSize(tenantId: string): MaybePromise<number>;
  /** Stored complete subtrees by `nodeKey`; missing ones are left out. */
  getTreeNodes(
    tenantId: string,
    nodes: readonly NodeId[],
  ): MaybePromise<ReadonlyMap<string, Uint8Array>>;
  /** The stored `sequence` of each of these events that exists, by id. */
  getSequences(tenantId: string, ids: readonly string[]): MaybePromise<ReadonlyMap<string, number>>;
  /** The stored events with `start <= sequence < end`, by sequence; a deleted one is absent. */
  getEventsBySequence(tenantId: string, start: number, end: number): MaybePromise<AuditLogEvent[]>;

  close?(): MaybePromise<void>;
}

export class DuplicateError extends Error {
  override name = 'DuplicateError' as const;
}
