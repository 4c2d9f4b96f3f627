import type {
  AuditLogEvent,
  FacetField,
  FacetsResponse,
  SummaryInterval,
  ViewerScope,
} from '../../src/contract/schemas/index.js';
import { eventByIdQuery, type SqlDialect } from './event-queries.js';
import { DEFAULT_SORT } from '../../src/contract/constants.js';
import { searches } from './event-sql.js';
import { leafAtSequence } from '../../src/contract/leaf.js';
import type { NodeId } from '../../src/server/merkle/tree-math.js';
import {
  DuplicateError,
  type ApiKeyRecord,
  type AuditStore,
  type EventFilter,
  type IdempotencyClaim,
  type InsertEventsResult,
  type MaybePromise,
  type PageRequest,
  type RefreshTokenRecord,
  type SessionRecord,
  type SummaryCounts,
  type UserRecord,
  type ViewerSessionRecord,
} from '../../src/server/store/types.js';
import { ROLLUP_KEY } from './event-rollups.js';
import { FACET_ROLLUP_UPSERT } from './facet-rollups.js';
import {
  prepareBatch,
  type PreparedBatch,
  type PreparedInsertResult,
  SEQUENCE_AT,
  storedResult,
} from './sqlite-batch.js';
import { SEVERITY_RANK } from '../../src/server/store/event-order.js';
import { yieldToOthers } from '../../src/server/store/yield-to-others.js';
import { openConnection, type Connection } from './sqlite-connection.js';
import { SqliteTree } from './sqlite-merkle.js';
import { APPEND_PENDING, SearchBacklog } from './sqlite-search-backlog.js';
import {
  eventCountQuery,
  eventOrder,
  eventPageQuery,
  eventPageWithTotalQuery,
  eventStreamPageQuery,
  eventWhere,
  orderColumns,
  rowsMatching,
  SQLITE_DIALECT,
  sqliteDialect,
  type SqlParam,
  summaryGroupsQuery,
  timelineQuery,
} from './sqlite-event-sql.js';
import {
  apiKeyParams,
  EVENT_COLUMNS,
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
  toViewerSession,
  VIEWER_SESSION_COLUMNS,
  viewerSessionValues,
  type ViewerSessionRow,
} from './sqlite-rows.js';
import { facetsAnswer, facetsQueries, type FacetRow } from './event-queries.js';
import { migrate } from './sqlite-schema.js';
import { indexedNeedle, rareTrigrams } from './sqlite-search.js';
import { StatementCache } from './sqlite-statement-cache.js';
import { foldSummary, type SummaryGroupRow, type TimelineRow } from './summary-fold.js';

const EVENT_SELECT = EVENT_COLUMNS.join(', ');

/** A search (the query's or its scope's) the index cannot answer is scanned row by row. */
const scansSearch = (filter: EventFilter) =>
  searches(filter).some((needle) => indexedNeedle(needle) === null);
/** Row ids a search reads between pauses for other requests (a few milliseconds' work). */
const SEARCH_SLICE_ROWS = 20_000;
/** Rows per streamed page: a few milliseconds of reading, then the transaction ends. */
const STREAM_PAGE_ROWS = 1000;
const USER_SELECT =
  'id, tenant_id, username, email, full_name, roles, is_active, password_hash, created_at, updated_at, last_login_at';
const API_KEY_SELECT =
  'id, tenant_id, name, permissions, key_prefix, key_hash, created_by, is_active, created_at, expires_at, last_used_at, updated_at';

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

export interface SqliteStoreOptions {
  /**
   * Rows per streamed page (default 1000) and row ids a search reads between pauses (default
   * 20,000). Small in tests of the slicing.
   */
  streamPageRows?: number;
  searchSliceRows?: number;
  /** When the search backlog is folded into the index (see sqlite-search-backlog.ts). */
  searchFoldRows?: number;
  searchIdleMs?: number;
  /** Reads only, beside a writer on another connection (see sqlite-threaded-store.ts). */
  readsOnly?: boolean;
}

/**
 * The reference API's store in a SQLite file (or `':memory:'`), for the demo server and
 * benchmarks. It answers exactly as `MemoryStore` does; both pass one contract suite.
 */
export class SqliteStore implements AuditStore {
  readonly #db: Connection;
  readonly #statements: StatementCache;
  readonly #tree: SqliteTree;
  readonly #searchBacklog: SearchBacklog | null;

  readonly #streamPageRows: number;
  readonly #searchSliceRows: number;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.#streamPageRows = options.streamPageRows ?? STREAM_PAGE_ROWS;
    this.#searchSliceRows = options.searchSliceRows ?? SEARCH_SLICE_ROWS;
    this.#db = openConnection(path, { readonly: false });
    try {
      if (options.readsOnly) {
        // The writer migrated the file before this opened it; a write here would wait for
        // the writer's lock on the thread that serves every request, so none is allowed.
        this.#db.pragma('query_only = ON');
      } else {
        migrate(this.#db);
      }
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#statements = new StatementCache(this.#db);
    this.#tree = new SqliteTree(this.#statements);
    this.#searchBacklog = options.readsOnly
      ? null
      : new SearchBacklog(this.#db, this.#statements, {
          foldRows: options.searchFoldRows,
          idleMs: options.searchIdleMs,
        });
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
       VALUES (@id, @tenant_id, @name, @permissions, @key_prefix, @key_hash, @created_by, @is_active, @created_at, @expires_at, @last_used_at, @updated_at)`,
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

  listApiKeys(tenantId: string): ApiKeyRecord[] {
    return this.#all<ApiKeyRow>(
      `SELECT ${API_KEY_SELECT} FROM api_keys WHERE tenant_id = ? ORDER BY created_at, id`,
      tenantId,
    ).map(toApiKey);
  }

  revokeApiKey(tenantId: string, id: string, at: string): ApiKeyRecord | null {
    this.#run(
      'UPDATE api_keys SET is_active = 0, updated_at = ? WHERE tenant_id = ? AND id = ? AND is_active = 1',
      toMs(at),
      tenantId,
      id,
    );
    const row = this.#get<ApiKeyRow>(
      `SELECT ${API_KEY_SELECT} FROM api_keys WHERE tenant_id = ? AND id = ?`,
      tenantId,
      id,
    );
    return row ? toApiKey(row) : null;
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

  insertViewerSession(session: ViewerSessionRecord): void {
    this.#run(
      `INSERT INTO viewer_sessions (${VIEWER_SESSION_COLUMNS.join(', ')})
       VALUES (${VIEWER_SESSION_COLUMNS.map(() => '?').join(', ')})`,
      ...viewerSessionValues(session),
    );
  }

  getViewerSession(tenantId: string, id: string): ViewerSessionRecord | null {
    const row = this.#get<ViewerSessionRow>(
      `SELECT ${VIEWER_SESSION_COLUMNS.join(', ')} FROM viewer_sessions WHERE tenant_id = ? AND id = ?`,
      tenantId,
      id,
    );
    return row ? toViewerSession(row) : null;
  }

  revokeViewerSession(tenantId: string, id: string, at: string): boolean {
    this.#run(
      'UPDATE viewer_sessions SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL',
      toMs(at),
      tenantId,
      id,
    );
    return this.getViewerSession(tenantId, id) !== null;
  }

  revokeUserSessions(tenantId: string, userId: string, at: string, keepSessionId?: string): void {
    this.#run(
      `UPDATE sessions SET revoked_at = ?
       WHERE tenant_id = ? AND user_id = ? AND revoked_at IS NULL AND id IS NOT ?`,
      toMs(at),
      tenantId,
      userId,
      keepSessionId ?? null,
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
    return storedResult(events, this.insertPrepared(tenantId, prepareBatch(events), claim));
  }

  /** `insertEvents` of a batch prepared beforehand, maybe on another thread. */
  insertPrepared(
    tenantId: string,
    batch: PreparedBatch,
    claim?: IdempotencyClaim,
  ): PreparedInsertResult {
    return this.#db
      .transaction((): PreparedInsertResult => {
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
        // The write lock is held from here to commit, so sequences follow commit order.
        const size = this.#tree.size(tenantId);
        const pending = this.#statements.get(APPEND_PENDING);
        batch.rows.forEach((row, offset) => {
          row[SEQUENCE_AT] = size + offset;
          const { lastInsertRowid } = insert.run(...row);
          pending.run(lastInsertRowid, batch.searchTexts[offset]);
        });
        this.#searchBacklog?.added(batch.rows.length);
        this.#tree.append(
          tenantId,
          batch.leaves.map((parts, offset) => leafAtSequence(parts, size + offset)),
        );
        const upsert = this.#statements.get(ROLLUP_UPSERT);
        for (const params of batch.rollups) upsert.run(...params);
        const facetUpsert = this.#statements.get(FACET_ROLLUP_UPSERT);
        for (const params of batch.facetRollups) facetUpsert.run(...params);
        if (claim) {
          this.#run(
            `INSERT INTO idempotency_keys (tenant_id, key, fingerprint, event_ids, created_at)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (tenant_id, key) DO UPDATE SET fingerprint = excluded.fingerprint,
               event_ids = excluded.event_ids, created_at = excluded.created_at`,
            tenantId,
            claim.key,
            claim.fingerprint,
            JSON.stringify(batch.ids),
            toMs(claim.now),
          );
        }
        return { status: 'created', firstSequence: size };
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

  getEvent(tenantId: string, id: string, scope?: ViewerScope): AuditLogEvent | null {
    const dialect = scope ? this.#dialectFor({ ...DEFAULT_SORT, scope }) : SQLITE_DIALECT;
    const query = eventByIdQuery(dialect, tenantId, id, scope);
    const row = this.#get<EventRow>(query.sql, ...query.params);
    return row ? toEvent(row) : null;
  }

  queryEvents(
    tenantId: string,
    filter: EventFilter,
    page: PageRequest,
  ): MaybePromise<{ items: AuditLogEvent[]; total: number }> {
    if (scansSearch(filter)) return this.#searchPage(tenantId, filter, page);
    // One read transaction, so the total and the page agree under concurrent writers.
    return this.#db.transaction(() => {
      const dialect = this.#dialectFor(filter);
      if (searches(filter).length > 0) {
        // No rollup counts a search's matches: the page query counts them as it finds them.
        const query = eventPageWithTotalQuery(tenantId, filter, page, dialect);
        const rows = this.#all<EventRow & { total: number }>(query.sql, ...query.params);
        const total = rows[0]?.total ?? (this.countEvents(tenantId, filter) as number);
        return { items: rows.map(toEvent), total };
      }
      const total = this.countEvents(tenantId, filter) as number;
      if (page.offset >= total) return { items: [], total };
      const query = eventPageQuery(tenantId, filter, page, dialect);
      return { items: this.#all<EventRow>(query.sql, ...query.params).map(toEvent), total };
    })();
  }

  countEvents(tenantId: string, filter: EventFilter): MaybePromise<number> {
    if (scansSearch(filter)) {
      return this.#searchSeqs(tenantId, filter).then((seqs) => seqs.length);
    }
    const query = eventCountQuery(tenantId, filter, this.#dialectFor(filter));
    return this.#get<{ n: number }>(query.sql, ...query.params)!.n;
  }

  /** The dialect for a filter's queries, told which trigrams of its searches are rare. */
  #dialectFor(filter: EventFilter): SqlDialect {
    const needles = searches(filter).flatMap((needle) => indexedNeedle(needle) ?? []);
    if (needles.length === 0) return SQLITE_DIALECT;
    const probe = this.#statements.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT 1 FROM event_search WHERE event_search MATCH ? LIMIT ?)',
    );
    const count = (query: string, limit: number) => probe.get(query, limit)!.n;
    return sqliteDialect(new Map(needles.map((needle) => [needle, rareTrigrams(needle, count)])));
  }

  /**
   * The rows a search matches, found in slices of `searchSliceRows` row ids with a pause
   * for other requests between slices: search runs a JavaScript matcher on every row of the
   * tenant, which in one statement held every tenant up for the whole scan. Bounded by the
   * highest row id at the start, so the slices together read the set as of the start.
   */
  async #searchSeqs(tenantId: string, filter: EventFilter): Promise<number[]> {
    const max = this.#get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM audit_events')!;
    const where = eventWhere(tenantId, filter);
    // NOT INDEXED: walk the row-id range, never a tenant index once per slice.
    const sql = `SELECT seq FROM audit_events NOT INDEXED WHERE seq > ? AND seq <= ? AND ${where.sql}`;
    const seqs: number[] = [];
    const slice = this.#searchSliceRows;
    for (let from = 0; from < (max.seq ?? 0); from += slice) {
      if (!this.#db.open) break;
      const to = Math.min(max.seq ?? 0, from + slice);
      for (const row of this.#all<{ seq: number }>(sql, from, to, ...where.params)) {
        seqs.push(row.seq);
      }
      await yieldToOthers();
    }
    return seqs;
  }

  async #searchPage(
    tenantId: string,
    filter: EventFilter,
    page: PageRequest,
  ): Promise<{ items: AuditLogEvent[]; total: number }> {
    const seqs = await this.#searchSeqs(tenantId, filter);
    if (page.offset >= seqs.length || !this.#db.open) return { items: [], total: seqs.length };
    const rows = this.#all<EventRow>(
      `SELECT ${EVENT_SELECT} FROM audit_events WHERE seq IN (SELECT value FROM json_each(?))
       ORDER BY ${eventOrder(filter)} LIMIT ? OFFSET ?`,
      JSON.stringify(seqs),
      page.limit,
      page.offset,
    );
    return { items: rows.map(toEvent), total: seqs.length };
  }

  /**
   * Pages of `streamPageRows`, each read by a short query resuming after the last row, so
   * an export read slowly (or not at all) holds no transaction open: writes go on and the
   * WAL checkpoints. The set is the one as of the start (events written later have a
   * higher `seq`); closing the store ends the stream.
   */
  *streamEvents(tenantId: string, filter: EventFilter): Generator<AuditLogEvent, void, undefined> {
    const maxSeq = this.#get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM audit_events')!;
    const columns = orderColumns(filter);
    const dialect = this.#dialectFor(filter);
    let last: (SqlParam | null)[] | null = null;
    for (;;) {
      if (!this.#db.open) return;
      const pageRows = this.#streamPageRows;
      const query = eventStreamPageQuery(
        tenantId,
        filter,
        maxSeq.seq ?? 0,
        last,
        pageRows,
        dialect,
      );
      const rows = this.#all<EventRow>(query.sql, ...query.params);
      for (const row of rows) {
        if (!this.#db.open) return;
        yield toEvent(row);
      }
      const tail = rows[rows.length - 1];
      if (!tail || rows.length < pageRows) return;
      last = columns.map((column) =>
        column === 'severity_rank' ? SEVERITY_RANK[tail.severity] : tail[column as keyof EventRow],
      );
    }
  }

  summarize(
    tenantId: string,
    filter: EventFilter,
    interval: SummaryInterval | null,
  ): SummaryCounts {
    // One read transaction, so the parts agree with each other under concurrent writers.
    return this.#db.transaction((): SummaryCounts => {
      const dialect = this.#dialectFor(filter);
      const groupsQuery = summaryGroupsQuery(tenantId, filter, dialect);
      const groups = this.#all<SummaryGroupRow>(groupsQuery.sql, ...groupsQuery.params);
      if (groups.length === 0 || !interval) return foldSummary(groups, []);
      const query = timelineQuery(tenantId, filter, interval, dialect);
      return foldSummary(groups, this.#all<TimelineRow>(query.sql, ...query.params));
    })();
  }

  facets(
    tenantId: string,
    filter: EventFilter,
    fields: readonly FacetField[],
    limit: number,
  ): MaybePromise<FacetsResponse> {
    const count = (total: number | null, seqs?: readonly number[]): FacetsResponse => {
      const dialect = this.#dialectFor(filter);
      const matching = seqs ? rowsMatching(seqs) : undefined;
      const queries = facetsQueries(dialect, tenantId, filter, fields, limit, matching);
      const groups =
        queries.groups && this.#all<SummaryGroupRow>(queries.groups.sql, ...queries.groups.params);
      const rows = new Map(
        queries.fields.map(({ field, query }) => [
          field,
          this.#all<FacetRow>(query.sql, ...query.params),
        ]),
      );
      const answer = facetsAnswer(fields, limit, groups, rows);
      return {
        total: answer.total ?? total ?? (this.countEvents(tenantId, filter) as number),
        facets: answer.facets,
      };
    };
    // A search the index cannot answer is matched in slices first (see #searchSeqs).
    if (scansSearch(filter)) {
      return this.#searchSeqs(tenantId, filter).then((seqs) => count(seqs.length, seqs));
    }
    // One read transaction, so the total and every facet agree under concurrent writers.
    return this.#db.transaction(() => count(null))();
  }

  getTreeSize(tenantId: string): number {
    return this.#tree.size(tenantId);
  }

  getTreeNodes(tenantId: string, nodes: readonly NodeId[]): Map<string, Uint8Array> {
    return this.#tree.nodes(tenantId, nodes);
  }

  getSequences(tenantId: string, ids: readonly string[]): Map<string, number> {
    const rows = this.#all<{ id: string; sequence: number | null }>(
      `SELECT id, sequence FROM audit_events
       WHERE tenant_id = ? AND id IN (SELECT value FROM json_each(?))`,
      tenantId,
      JSON.stringify(ids),
    );
    const found = new Map<string, number>();
    for (const row of rows) if (row.sequence !== null) found.set(row.id, row.sequence);
    return found;
  }

  getEventsBySequence(tenantId: string, start: number, end: number): AuditLogEvent[] {
    return this.#all<EventRow>(
      `SELECT ${EVENT_SELECT} FROM audit_events
       WHERE tenant_id = ? AND sequence >= ? AND sequence < ? ORDER BY sequence`,
      tenantId,
      start,
      end,
    ).map(toEvent);
  }

  close(): void {
    this.#searchBacklog?.close();
    if (this.#db.open) this.#db.close();
  }
}
