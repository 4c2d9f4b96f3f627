import type { AuditLogEvent, SummaryInterval } from '../../src/contract/schemas/index.js';
import {
  DuplicateError,
  type ApiKeyRecord,
  type AuditStore,
  type EventFilter,
  type IdempotencyClaim,
  type InsertEventsResult,
  type PageRequest,
  type RefreshTokenRecord,
  type SessionRecord,
  type SummaryCounts,
  type UserRecord,
} from '../../src/server/store/types.js';
import { ROLLUP_KEY, rollupDeltas } from './event-rollups.js';
import { openConnection, type Connection } from './sqlite-connection.js';
import {
  eventCountQuery,
  eventListQuery,
  eventPageQuery,
  summaryGroupsQuery,
  timelineQuery,
} from './sqlite-event-sql.js';
import {
  apiKeyParams,
  EVENT_COLUMNS,
  eventValues,
  INSERT_EVENT_COLUMNS,
  toApiKey,
  toEvent,
  toMs,
  toRefreshToken,
  toSession,
  toUser,
  USER_COLUMNS,
  userParams,
  type ApiKeyRow,
  type EventRow,
  type RefreshTokenRow,
  type SessionRow,
  type UserRow,
} from './sqlite-rows.js';
import { migrate } from './sqlite-schema.js';
import { StatementCache } from './sqlite-statement-cache.js';
import { StreamReaders } from './sqlite-stream-readers.js';
import { foldSummary, type SummaryGroupRow, type TimelineRow } from './summary-fold.js';

const EVENT_SELECT = EVENT_COLUMNS.join(', ');
const USER_SELECT =
  'id, tenant_id, username, email, full_name, roles, is_active, password_hash, created_at, updated_at, last_login_at';
const API_KEY_SELECT =
  'id, tenant_id, name, permissions, key_prefix, key_hash, created_by, is_active, created_at, expires_at, last_used_at';

const ROLLUP_UPSERT = `INSERT INTO event_rollups (${ROLLUP_KEY.join(', ')}, n, first_at, last_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (${ROLLUP_KEY.join(', ')}) DO UPDATE SET n = n + excluded.n,
    first_at = MIN(first_at, excluded.first_at), last_at = MAX(last_at, excluded.last_at)`;

interface IdempotencyRow {
  fingerprint: string;
  event_ids: string;
  created_at: number;
}

function isUsernameConflict(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('users.username_key')
  );
}

/**
 * The reference API's store in a SQLite file (or `':memory:'`), for the demo server and
 * benchmarks. It answers exactly as `MemoryStore` does; both pass one contract suite.
 */
export class SqliteStore implements AuditStore {
  readonly #db: Connection;
  readonly #statements: StatementCache;
  /** Null for `':memory:'` and `''` (a private temporary file): neither can be opened twice. */
  readonly #readers: StreamReaders | null;

  constructor(path: string) {
    this.#db = openConnection(path, { readonly: false });
    try {
      migrate(this.#db);
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#statements = new StatementCache(this.#db);
    this.#readers = this.#db.memory || path === '' ? null : new StreamReaders(path);
  }

  #get<Row>(sql: string, ...params: unknown[]): Row | undefined {
    return this.#statements.get<Row>(sql).get(...params);
  }

  #all<Row>(sql: string, ...params: unknown[]): Row[] {
    return this.#statements.get<Row>(sql).all(...params);
  }

  #run(sql: string, ...params: unknown[]) {
    return this.#statements.get(sql).run(...params);
  }

  getMeta(key: string): string | null {
    return this.#get<{ value: string }>('SELECT value FROM meta WHERE key = ?', key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#run(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      key,
      value,
    );
  }

  insertUser(user: UserRecord): void {
    try {
      this.#run(
        `INSERT INTO users (${USER_COLUMNS.join(', ')})
         VALUES (${USER_COLUMNS.map((column) => `@${column}`).join(', ')})`,
        userParams(user),
      );
    } catch (error) {
      if (isUsernameConflict(error)) {
        throw new DuplicateError(`User ${user.username} already exists`);
      }
      throw error;
    }
  }

  getUser(tenantId: string, id: string): UserRecord | null {
    const row = this.#get<UserRow>(
      `SELECT ${USER_SELECT} FROM users WHERE tenant_id = ? AND id = ?`,
      tenantId,
      id,
    );
    return row ? toUser(row) : null;
  }

  findUserByUsername(tenantId: string, username: string): UserRecord | null {
    const row = this.#get<UserRow>(
      `SELECT ${USER_SELECT} FROM users WHERE tenant_id = ? AND username_key = ?`,
      tenantId,
      username.toLowerCase(),
    );
    return row ? toUser(row) : null;
  }

  updateUser(user: UserRecord): void {
    // Written as an upsert, as the in-memory store's `Map.set` behaves.
    try {
      this.#run(
        `INSERT INTO users (${USER_COLUMNS.join(', ')})
         VALUES (${USER_COLUMNS.map((column) => `@${column}`).join(', ')})
         ON CONFLICT (id) DO UPDATE SET
           ${USER_COLUMNS.filter((column) => column !== 'id')
             .map((column) => `${column} = excluded.${column}`)
             .join(', ')}`,
        userParams(user),
      );
    } catch (error) {
      if (isUsernameConflict(error)) {
        throw new DuplicateError(`User ${user.username} already exists`);
      }
      throw error;
    }
  }

  countUsers(): number {
    return this.#get<{ n: number }>('SELECT COUNT(*) AS n FROM users')!.n;
  }

  insertApiKey(key: ApiKeyRecord): void {
    this.#run(
      `INSERT INTO api_keys (${API_KEY_SELECT})
       VALUES (@id, @tenant_id, @name, @permissions, @key_prefix, @key_hash, @created_by, @is_active, @created_at, @expires_at, @last_used_at)`,
      apiKeyParams(key),
    );
  }

  findApiKeyByHash(keyHash: string): ApiKeyRecord | null {
    const row = this.#get<ApiKeyRow>(
      `SELECT ${API_KEY_SELECT} FROM api_keys WHERE key_hash = ?`,
      keyHash,
    );
    return row ? toApiKey(row) : null;
  }

  touchApiKey(id: string, at: string): void {
    this.#run('UPDATE api_keys SET last_used_at = ? WHERE id = ?', toMs(at), id);
  }

  insertSession(session: SessionRecord): void {
    this.#run(
      'INSERT INTO sessions (id, tenant_id, user_id, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)',
      session.id,
      session.tenant_id,
      session.user_id,
      toMs(session.created_at),
      session.revoked_at === null ? null : toMs(session.revoked_at),
    );
  }

  getSession(id: string): SessionRecord | null {
    const row = this.#get<SessionRow>(
      'SELECT id, tenant_id, user_id, created_at, revoked_at FROM sessions WHERE id = ?',
      id,
    );
    return row ? toSession(row) : null;
  }

  revokeSession(id: string, at: string): void {
    this.#run(
      'UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      toMs(at),
      id,
    );
  }

  insertRefreshToken(token: RefreshTokenRecord): void {
    this.#run(
      'INSERT INTO refresh_tokens (token_hash, session_id, expires_at, used_at) VALUES (?, ?, ?, ?)',
      token.token_hash,
      token.session_id,
      toMs(token.expires_at),
      token.used_at === null ? null : toMs(token.used_at),
    );
  }

  useRefreshToken(tokenHash: string, at: string): RefreshTokenRecord | null {
    // Immediate, so two processes on one file cannot both read the token as unused.
    return this.#db
      .transaction(() => {
        const row = this.#get<RefreshTokenRow>(
          'SELECT token_hash, session_id, expires_at, used_at FROM refresh_tokens WHERE token_hash = ?',
          tokenHash,
        );
        if (!row) return null;
        if (row.used_at === null) {
          this.#run(
            'UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?',
            toMs(at),
            tokenHash,
          );
        }
        return toRefreshToken(row);
      })
      .immediate();
  }

  insertEvents(
    tenantId: string,
    events: AuditLogEvent[],
    claim?: IdempotencyClaim,
  ): InsertEventsResult {
    return this.#db
      .transaction((): InsertEventsResult => {
        if (claim) {
          const existing = this.#get<IdempotencyRow>(
            'SELECT fingerprint, event_ids, created_at FROM idempotency_keys WHERE tenant_id = ? AND key = ?',
            tenantId,
            claim.key,
          );
          if (existing && existing.created_at >= toMs(claim.notBefore)) {
            if (existing.fingerprint !== claim.fingerprint) return { status: 'conflict' };
            return {
              status: 'replayed',
              events: this.#eventsById(tenantId, JSON.parse(existing.event_ids) as string[]),
            };
          }
        }
        const insert = this.#statements.get(
          `INSERT INTO audit_events (${INSERT_EVENT_COLUMNS.join(', ')})
           VALUES (${INSERT_EVENT_COLUMNS.map(() => '?').join(', ')})`,
        );
        for (const event of events) insert.run(...eventValues(event));
        const upsert = this.#statements.get(ROLLUP_UPSERT);
        for (const delta of rollupDeltas(events)) {
          upsert.run(
            ...ROLLUP_KEY.map((column) => delta[column]),
            delta.n,
            delta.first_at,
            delta.last_at,
          );
        }
        if (claim) {
          this.#run(
            `INSERT INTO idempotency_keys (tenant_id, key, fingerprint, event_ids, created_at)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (tenant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint,
               event_ids = excluded.event_ids, created_at = excluded.created_at`,
            tenantId,
            claim.key,
            claim.fingerprint,
            JSON.stringify(events.map((event) => event.id)),
            toMs(claim.now),
          );
        }
        // The caller's own objects: the database keeps its copy, so nothing is shared.
        return { status: 'created', events: [...events] };
      })
      .immediate();
  }

  /** Events by id, in the order of `ids`. */
  #eventsById(tenantId: string, ids: string[]): AuditLogEvent[] {
    const rows = this.#all<EventRow>(
      `SELECT ${EVENT_SELECT} FROM audit_events
       WHERE tenant_id = ? AND id IN (SELECT value FROM json_each(?))`,
      tenantId,
      JSON.stringify(ids),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toEvent(row)] : [];
    });
  }

  getEvent(tenantId: string, id: string): AuditLogEvent | null {
    const row = this.#get<EventRow>(
      `SELECT ${EVENT_SELECT} FROM audit_events WHERE tenant_id = ? AND id = ?`,
      tenantId,
      id,
    );
    return row ? toEvent(row) : null;
  }

  queryEvents(
    tenantId: string,
    filter: EventFilter,
    page: PageRequest,
  ): { items: AuditLogEvent[]; total: number } {
    // One read transaction, so the total and the page agree under concurrent writers.
    return this.#db.transaction(() => {
      const total = this.countEvents(tenantId, filter);
      if (page.offset >= total) return { items: [], total };
      const query = eventPageQuery(tenantId, filter, page);
      return { items: this.#all<EventRow>(query.sql, ...query.params).map(toEvent), total };
    })();
  }

  countEvents(tenantId: string, filter: EventFilter): number {
    const query = eventCountQuery(tenantId, filter);
    return this.#get<{ n: number }>(query.sql, ...query.params)!.n;
  }

  *streamEvents(tenantId: string, filter: EventFilter): Generator<AuditLogEvent, void, undefined> {
    const query = eventListQuery(tenantId, filter);
    if (!this.#readers) {
      // An in-memory database holds every row in memory anyway; copying the matches out is
      // the price of not blocking writes while the stream is read.
      for (const row of this.#all<EventRow>(query.sql, ...query.params)) yield toEvent(row);
      return;
    }
    for (const row of this.#readers.rows<EventRow>(query.sql, query.params)) yield toEvent(row);
  }

  summarize(
    tenantId: string,
    filter: EventFilter,
    interval: SummaryInterval | null,
  ): SummaryCounts {
    // One read transaction, so the parts agree with each other under concurrent writers.
    return this.#db.transaction((): SummaryCounts => {
      const groupsQuery = summaryGroupsQuery(tenantId, filter);
      const groups = this.#all<SummaryGroupRow>(groupsQuery.sql, ...groupsQuery.params);
      if (groups.length === 0 || !interval) return foldSummary(groups, []);
      const query = timelineQuery(tenantId, filter, interval);
      return foldSummary(groups, this.#all<TimelineRow>(query.sql, ...query.params));
    })();
  }

  close(): void {
    this.#readers?.close();
    if (this.#db.open) this.#db.close();
  }
}
