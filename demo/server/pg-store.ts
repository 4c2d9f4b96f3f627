import pg from 'pg';
import Cursor from 'pg-cursor';
import { canonicalLeafAroundSequence, leafAtSequence } from '../../src/contract/leaf.js';
import type {
  AuditLogEvent,
  FacetField,
  FacetsResponse,
  SummaryInterval,
  ViewerScope,
} from '../../src/contract/schemas/index.js';
import type { NodeId } from '../../src/server/merkle/tree-math.js';
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
  type ViewerSessionRecord,
} from '../../src/server/store/types.js';
import {
  eventByIdQuery,
  eventCountQuery,
  eventListQuery,
  facetsAnswer,
  facetsQueries,
  summaryGroupsQuery,
  type FacetRow,
  timelineQuery,
} from './event-queries.js';
import { eventBatch, insertLockedEvents, insertSearchText } from './pg-event-insert.js';
import { searches } from './event-sql.js';
import { eventPageQuery, PG_DIALECT } from './pg-event-sql.js';
import { appendTreeLeaves, readTreeNodes } from './pg-merkle.js';
import { Partitions } from './pg-partitions.js';
import { migrate, TENANT_SETTING } from './pg-schema.js';
import {
  API_KEY_COLUMNS,
  apiKeyParams,
  toApiKey,
  toEvent,
  toMs,
  toMsOrNull,
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
  toViewerSession,
  VIEWER_SESSION_COLUMNS,
  viewerSessionValues,
  type ViewerSessionRow,
} from './sqlite-rows.js';
import { foldSummary, type SummaryGroupRow, type TimelineRow } from './summary-fold.js';

/** Rows an export reads per round trip. */
const STREAM_BATCH = 500;
/** Partitions ahead are re-checked this often, so a long-running server never lacks one. */
const PARTITION_CHECK_MS = 6 * 3_600_000;

// bigint columns hold epoch milliseconds and counts, all well inside 2^53.
export const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8
      ? Number
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

// JSON and booleans are read as the SQLite store stores them, so both share row conversions.
const USER_SELECT =
  'id, tenant_id, username, email, full_name, roles::text AS roles, is_active::int AS is_active, password_hash, created_at, updated_at, last_login_at';
const API_KEY_SELECT =
  'id, tenant_id, name, permissions::text AS permissions, key_prefix, key_hash, created_by, is_active::int AS is_active, created_at, expires_at, last_used_at, updated_at';
const USER_UPSERT = `INSERT INTO users (${USER_COLUMNS.join(', ')})
  VALUES (${USER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

function isUsernameConflict(error: unknown): boolean {
  return (
    error instanceof pg.DatabaseError &&
    error.code === '23505' &&
    error.constraint === 'users_username_key'
  );
}

/** Deadlocks and serialisation failures between concurrent writers are retried. */
function isRetryable(error: unknown): boolean {
  return error instanceof pg.DatabaseError && (error.code === '40P01' || error.code === '40001');
}

interface IdempotencyRow {
  fingerprint: string;
  event_ids: string[];
  created_at: number;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * Settings of every connection the store opens (and of the plan tests' own).
 * No JIT: it compiles any plan past a cost threshold, which a search or facet over a large
 * tenant passes, and compiling took 100–220 ms of such a query's time here; the queries are
 * short enough that compiled expressions never paid that back.
 * A random read costed as on a disk that seeks (4× a sequential one, the default) made the
 * planner hash-join a search's 33,000 matches against all 10M events rather than look each
 * up by id: 3.6 s instead of 1.1 s. Memory or SSD is where this data lives.
 */
export const SESSION_SETTINGS = '-c jit=off -c random_page_cost=1.1';

/**
 * The reference API's store in PostgreSQL, for a server that outgrows one SQLite file. It
 * answers exactly as `MemoryStore` does (one contract suite runs over all three). Every
 * tenant's rows are read and written inside a transaction that names the tenant, and
 * row-level security refuses any other tenant's rows should a query forget its `WHERE`.
 */
export class PgStore implements AuditStore {
  readonly #pool: pg.Pool;
  readonly #partitions: Partitions;
  readonly #streams = new Set<pg.PoolClient>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
    this.#partitions = new Partitions(pool);
  }

  /** Connects, migrates the schema and creates the partitions around now. */
  static async open(connection: string | pg.PoolConfig): Promise<PgStore> {
    const config = typeof connection === 'string' ? { connectionString: connection } : connection;
    const options = [config.options, SESSION_SETTINGS].filter(Boolean).join(' ');
    const pool = new pg.Pool({ max: 8, ...config, options, types: PG_TYPES });
    const store = new PgStore(pool);
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
      await store.#partitions.ensureAround(Date.now());
    } catch (error) {
      await pool.end();
      throw error;
    }
    store.#timer = setInterval(() => {
      store.#partitions.ensureAround(Date.now()).catch((error: unknown) => {
        console.error(`Creating the next months' partitions failed: ${String(error)}`);
      });
    }, PARTITION_CHECK_MS);
    store.#timer.unref();
    return store;
  }

  /**
   * Whether this connection's role skips row-level security (a superuser, or BYPASSRLS):
   * the tenant checks in every query still hold, but the second wall is down.
   */
  async bypassesRowSecurity(): Promise<boolean> {
    const { rows } = await this.#pool.query<{ bypass: boolean }>(
      'SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user',
    );
    return rows[0]?.bypass ?? false;
  }

  /** Runs `work` in one transaction that may see only `tenantId`'s rows. */
  async #tenant<T>(
    tenantId: string,
    work: (client: pg.PoolClient) => Promise<T>,
    begin = 'BEGIN',
  ): Promise<T> {
    const client = await this.#pool.connect();
    try {
      // One round trip: the tenant is a literal here, escaped by the driver.
      await client.query(
        `${begin}; SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(tenantId)}, true)`,
      );
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A read of one tenant in one snapshot, so totals and pages agree under writers. */
  #read<T>(tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#tenant(tenantId, work, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async #one<Row extends pg.QueryResultRow>(
    db: Queryable,
    sql: string,
    params: unknown[],
  ): Promise<Row | null> {
    const { rows } = await db.query<Row>(sql, params);
    return rows[0] ?? null;
  }

  async getMeta(key: string): Promise<string | null> {
    const row = await this.#one<{ value: string }>(
      this.#pool,
      'SELECT value FROM meta WHERE key = $1',
      [key],
    );
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.#pool.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  #userValues(user: UserRecord): unknown[] {
    const params = userParams(user);
    return USER_COLUMNS.map((column) => params[column]);
  }

  async insertUser(user: UserRecord): Promise<void> {
    try {
      await this.#pool.query(USER_UPSERT, this.#userValues(user));
    } catch (error) {
      if (isUsernameConflict(error))
        throw new DuplicateError(`User ${user.username} already exists`);
      throw error;
    }
  }

  async getUser(tenantId: string, id: string): Promise<UserRecord | null> {
    const row = await this.#one<UserRow>(
      this.#pool,
      `SELECT ${USER_SELECT} FROM users WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row ? toUser(row) : null;
  }

  async findUserByUsername(tenantId: string, username: string): Promise<UserRecord | null> {
    const row = await this.#one<UserRow>(
      this.#pool,
      `SELECT ${USER_SELECT} FROM users WHERE tenant_id = $1 AND username_key = $2`,
      [tenantId, username.toLowerCase()],
    );
    return row ? toUser(row) : null;
  }

  async updateUser(user: UserRecord): Promise<void> {
    // Written as an upsert, as the in-memory store's `Map.set` behaves.
    try {
      await this.#pool.query(
        `${USER_UPSERT} ON CONFLICT (id) DO UPDATE SET ${USER_COLUMNS.filter((c) => c !== 'id')
          .map((column) => `${column} = excluded.${column}`)
          .join(', ')}`,
        this.#userValues(user),
      );
    } catch (error) {
      if (isUsernameConflict(error))
        throw new DuplicateError(`User ${user.username} already exists`);
      throw error;
    }
  }

  async countUsers(): Promise<number> {
    return (await this.#one<{ n: number }>(this.#pool, 'SELECT COUNT(*) AS n FROM users', []))!.n;
  }

  async insertApiKey(key: ApiKeyRecord): Promise<void> {
    const params = apiKeyParams(key);
    await this.#pool.query(
      `INSERT INTO api_keys (${API_KEY_COLUMNS.join(', ')}) VALUES (${placeholders(API_KEY_COLUMNS.length)})`,
      API_KEY_COLUMNS.map((column) => params[column]),
    );
  }

  async findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const row = await this.#one<ApiKeyRow>(
      this.#pool,
      `SELECT ${API_KEY_SELECT} FROM api_keys WHERE key_hash = $1`,
      [keyHash],
    );
    return row ? toApiKey(row) : null;
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    await this.#pool.query('UPDATE api_keys SET last_used_at = $1 WHERE id = $2', [toMs(at), id]);
  }

  async listApiKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const { rows } = await this.#pool.query<ApiKeyRow>(
      `SELECT ${API_KEY_SELECT} FROM api_keys WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tenantId],
    );
    return rows.map(toApiKey);
  }

  async revokeApiKey(tenantId: string, id: string, at: string): Promise<ApiKeyRecord | null> {
    await this.#pool.query(
      'UPDATE api_keys SET is_active = false, updated_at = $1 WHERE tenant_id = $2 AND id = $3 AND is_active',
      [toMs(at), tenantId, id],
    );
    const row = await this.#one<ApiKeyRow>(
      this.#pool,
      `SELECT ${API_KEY_SELECT} FROM api_keys WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row ? toApiKey(row) : null;
  }

  async insertViewerSession(session: ViewerSessionRecord): Promise<void> {
    await this.#pool.query(
      `INSERT INTO viewer_sessions (${VIEWER_SESSION_COLUMNS.join(', ')})
       VALUES (${VIEWER_SESSION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      viewerSessionValues(session),
    );
  }

  async getViewerSession(tenantId: string, id: string): Promise<ViewerSessionRecord | null> {
    const row = await this.#one<ViewerSessionRow>(
      this.#pool,
      `SELECT ${VIEWER_SESSION_COLUMNS.join(', ')} FROM viewer_sessions WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row ? toViewerSession(row) : null;
  }

  async revokeViewerSession(tenantId: string, id: string, at: string): Promise<boolean> {
    await this.#pool.query(
      'UPDATE viewer_sessions SET revoked_at = $1 WHERE tenant_id = $2 AND id = $3 AND revoked_at IS NULL',
      [toMs(at), tenantId, id],
    );
    return (await this.getViewerSession(tenantId, id)) !== null;
  }

  async revokeUserSessions(
    tenantId: string,
    userId: string,
    at: string,
    keepSessionId?: string,
  ): Promise<void> {
    await this.#pool.query(
      `UPDATE sessions SET revoked_at = $1
       WHERE tenant_id = $2 AND user_id = $3 AND revoked_at IS NULL AND id IS DISTINCT FROM $4`,
      [toMs(at), tenantId, userId, keepSessionId ?? null],
    );
  }

  async insertSession(session: SessionRecord): Promise<void> {
    await this.#pool.query(
      'INSERT INTO sessions (id, tenant_id, user_id, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)',
      [
        session.id,
        session.tenant_id,
        session.user_id,
        toMs(session.created_at),
        toMsOrNull(session.revoked_at),
      ],
    );
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = await this.#one<SessionRow>(
      this.#pool,
      'SELECT id, tenant_id, user_id, created_at, revoked_at FROM sessions WHERE id = $1',
      [id],
    );
    return row ? toSession(row) : null;
  }

  async revokeSession(id: string, at: string): Promise<void> {
    await this.#pool.query(
      'UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [toMs(at), id],
    );
  }

  async insertRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.#pool.query(
      'INSERT INTO refresh_tokens (token_hash, session_id, expires_at, used_at) VALUES ($1, $2, $3, $4)',
      [token.token_hash, token.session_id, toMs(token.expires_at), toMsOrNull(token.used_at)],
    );
  }

  async useRefreshToken(tokenHash: string, at: string): Promise<RefreshTokenRecord | null> {
    // The row is locked while read, so of two concurrent uses the second sees the first.
    const row = await this.#one<RefreshTokenRow>(
      this.#pool,
      `WITH before AS (
         SELECT token_hash, session_id, expires_at, used_at FROM refresh_tokens
         WHERE token_hash = $1 FOR UPDATE
       )
       UPDATE refresh_tokens AS t SET used_at = COALESCE(t.used_at, $2)
       FROM before WHERE t.token_hash = before.token_hash
       RETURNING before.token_hash, before.session_id, before.expires_at, before.used_at`,
      [tokenHash, toMs(at)],
    );
    return row ? toRefreshToken(row) : null;
  }

  async insertEvents(
    tenantId: string,
    events: AuditLogEvent[],
    claim?: IdempotencyClaim,
  ): Promise<InsertEventsResult> {
    await this.#partitions.ensureFor(events.map((event) => toMs(event.timestamp)));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#tenant(tenantId, (client) =>
          this.#insert(client, tenantId, events, claim),
        );
      } catch (error) {
        if (attempt >= 5 || !isRetryable(error)) throw error;
      }
    }
  }

  async #insert(
    client: pg.PoolClient,
    tenantId: string,
    events: AuditLogEvent[],
    claim: IdempotencyClaim | undefined,
  ): Promise<InsertEventsResult> {
    if (claim) {
      // Two requests with one key wait for each other, so only one of them stores.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
        tenantId,
        claim.key,
      ]);
      const existing = await this.#one<IdempotencyRow>(
        client,
        'SELECT fingerprint, event_ids, created_at FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
        [tenantId, claim.key],
      );
      if (existing && existing.created_at >= toMs(claim.notBefore)) {
        if (existing.fingerprint !== claim.fingerprint) return { status: 'conflict' };
        return {
          status: 'replayed',
          events: await this.#eventsById(client, tenantId, existing.event_ids),
        };
      }
      // Written before the log is locked: the key's own lock keeps its writers apart.
      await client.query(
        `INSERT INTO idempotency_keys (tenant_id, key, fingerprint, event_ids, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint,
           event_ids = excluded.event_ids, created_at = excluded.created_at`,
        [
          tenantId,
          claim.key,
          claim.fingerprint,
          JSON.stringify(events.map((event) => event.id)),
          toMs(claim.now),
        ],
      );
    }
    let stored = events;
    if (events.length > 0) {
      // What needs no place in the log is made and written before the log is locked, so
      // concurrent writes of one tenant overlap there; from the lock to commit they take
      // turns, so that stretch holds only the events, their rollups and the tree.
      const batch = eventBatch(events);
      const leaves = events.map(canonicalLeafAroundSequence);
      await insertSearchText(client, tenantId, batch);
      const { size, edge } = await insertLockedEvents(client, tenantId, batch);
      stored = events.map((event, offset) => ({ ...event, sequence: size + offset }));
      const entries = leaves.map((parts, offset) => leafAtSequence(parts, size + offset));
      await appendTreeLeaves(client, tenantId, size, entries, edge);
    }
    // Fresh objects: the database keeps its copy, so nothing is shared.
    return { status: 'created', events: stored === events ? [...events] : stored };
  }

  /** Events by id, in the order of `ids`. */
  async #eventsById(db: Queryable, tenantId: string, ids: string[]): Promise<AuditLogEvent[]> {
    const { rows } = await db.query<EventRow>(
      `SELECT ${PG_DIALECT.eventSelect} FROM audit_events WHERE tenant_id = $1 AND id = ANY($2)`,
      [tenantId, ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toEvent(row)] : [];
    });
  }

  async getEvent(tenantId: string, id: string, scope?: ViewerScope): Promise<AuditLogEvent | null> {
    const query = eventByIdQuery(PG_DIALECT, tenantId, id, scope);
    const row = await this.#read(tenantId, (client) =>
      this.#one<EventRow>(client, query.sql, query.params),
    );
    return row ? toEvent(row) : null;
  }

  async queryEvents(
    tenantId: string,
    filter: EventFilter,
    page: PageRequest,
  ): Promise<{ items: AuditLogEvent[]; total: number }> {
    return this.#read(tenantId, async (client) => {
      if (searches(filter).length > 0) {
        const query = eventPageQuery(tenantId, filter, page, { withTotal: true });
        const { rows } = await client.query<EventRow & { total: number }>(query.sql, query.params);
        // A page past the last match has no row to carry the total.
        const total = rows[0]?.total ?? (await this.#count(client, tenantId, filter));
        return { items: rows.map(toEvent), total };
      }
      const total = await this.#count(client, tenantId, filter);
      if (page.offset >= total) return { items: [], total };
      const query = eventPageQuery(tenantId, filter, page);
      const { rows } = await client.query<EventRow>(query.sql, query.params);
      return { items: rows.map(toEvent), total };
    });
  }

  async #count(client: Queryable, tenantId: string, filter: EventFilter): Promise<number> {
    const query = eventCountQuery(PG_DIALECT, tenantId, filter);
    return (await this.#one<{ n: number }>(client, query.sql, query.params))!.n;
  }

  countEvents(tenantId: string, filter: EventFilter): Promise<number> {
    return this.#read(tenantId, (client) => this.#count(client, tenantId, filter));
  }

  /** Read through a cursor on a connection of its own, in one snapshot from start to end. */
  async *streamEvents(tenantId: string, filter: EventFilter): AsyncGenerator<AuditLogEvent> {
    const query = eventListQuery(PG_DIALECT, tenantId, filter);
    const client = await this.#pool.connect();
    this.#streams.add(client);
    let cursor: Cursor<EventRow> | undefined;
    let broken = false;
    try {
      await client.query(
        `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(tenantId)}, true)`,
      );
      cursor = client.query(new Cursor<EventRow>(query.sql, query.params, { types: PG_TYPES }));
      for (;;) {
        const rows = await cursor.read(STREAM_BATCH);
        for (const row of rows) yield toEvent(row);
        if (rows.length < STREAM_BATCH) break;
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      if (this.#streams.delete(client)) {
        try {
          await cursor?.close();
          await client.query('COMMIT');
        } catch {
          broken = true;
        }
        client.release(broken);
      }
    }
  }

  async summarize(
    tenantId: string,
    filter: EventFilter,
    interval: SummaryInterval | null,
  ): Promise<SummaryCounts> {
    return this.#read(tenantId, async (client) => {
      const groupsQuery = summaryGroupsQuery(PG_DIALECT, tenantId, filter);
      const groups = (await client.query<SummaryGroupRow>(groupsQuery.sql, groupsQuery.params))
        .rows;
      if (groups.length === 0 || !interval) return foldSummary(groups, []);
      const query = timelineQuery(PG_DIALECT, tenantId, filter, interval);
      return foldSummary(groups, (await client.query<TimelineRow>(query.sql, query.params)).rows);
    });
  }

  async facets(
    tenantId: string,
    filter: EventFilter,
    fields: readonly FacetField[],
    limit: number,
  ): Promise<FacetsResponse> {
    return this.#read(tenantId, async (client) => {
      const queries = facetsQueries(PG_DIALECT, tenantId, filter, fields, limit);
      const groups =
        queries.groups &&
        (await client.query<SummaryGroupRow>(queries.groups.sql, queries.groups.params)).rows;
      const rows = new Map<FacetField, FacetRow[]>();
      for (const { field, query } of queries.fields) {
        rows.set(field, (await client.query<FacetRow>(query.sql, query.params)).rows);
      }
      const answer = facetsAnswer(fields, limit, groups, rows);
      return {
        total: answer.total ?? (await this.#count(client, tenantId, filter)),
        facets: answer.facets,
      };
    });
  }

  async getTreeSize(tenantId: string): Promise<number> {
    const row = await this.#read(tenantId, (client) =>
      this.#one<{ size: number }>(client, 'SELECT size FROM merkle_trees WHERE tenant_id = $1', [
        tenantId,
      ]),
    );
    return row?.size ?? 0;
  }

  getTreeNodes(tenantId: string, nodes: readonly NodeId[]): Promise<Map<string, Uint8Array>> {
    return this.#read(tenantId, (client) => readTreeNodes(client, tenantId, nodes));
  }

  async getSequences(tenantId: string, ids: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.#read(tenantId, (client) =>
      client.query<{ id: string; sequence: number | null }>(
        'SELECT id, sequence FROM audit_events WHERE tenant_id = $1 AND id = ANY($2)',
        [tenantId, ids],
      ),
    );
    const found = new Map<string, number>();
    for (const row of rows) if (row.sequence !== null) found.set(row.id, row.sequence);
    return found;
  }

  async getEventsBySequence(
    tenantId: string,
    start: number,
    end: number,
  ): Promise<AuditLogEvent[]> {
    const { rows } = await this.#read(tenantId, (client) =>
      client.query<EventRow>(
        `SELECT ${PG_DIALECT.eventSelect} FROM audit_events
         WHERE tenant_id = $1 AND sequence >= $2 AND sequence < $3 ORDER BY sequence`,
        [tenantId, start, end],
      ),
    );
    return rows.map(toEvent);
  }

  /** Ends open exports (their connections are dropped) and closes the pool. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    for (const client of this.#streams) client.release(true);
    this.#streams.clear();
    await this.#pool.end();
  }
}
