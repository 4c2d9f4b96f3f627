import {
  type AuditLogEvent,
  type FacetField,
  type FacetsResponse,
  type SummaryInterval,
  type ViewerScope,
} from '../../contract/schemas/index.js';
import { canonicalLeafJson } from '../../contract/leaf.js';
import { appendLeaves } from '../merkle/tree-append.js';
import { portableSha256 } from '../merkle/tree-hash.js';
import { nodeKey, type NodeId } from '../merkle/tree-math.js';
import { eventComparator, eventMatches, scopeMatches } from './event-filter.js';
import { bucketStart } from './event-order.js';
import { topFacetValues } from './facet-values.js';
import { emptySummaryCounts } from './summary-counts.js';
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
  type ViewerSessionRecord,
  type SummaryCounts,
  type UserRecord,
} from './types.js';

interface TenantEvents {
  byId: Map<string, AuditLogEvent>;
  all: AuditLogEvent[];
  /** Complete subtrees of the tenant's log by `nodeKey`, and its number of leaves. */
  tree: Map<string, Uint8Array>;
  treeSize: number;
  /**
   * Leaves (canonical JSON, fixed when stored) not hashed into `tree` yet: hashing here is
   * pure JavaScript, so it waits for the first read rather than slowing every write.
   */
  pending: string[];
}

interface IdempotencyRecord {
  fingerprint: string;
  eventIds: string[];
  createdAt: string;
}

/**
 * The reference API's store in plain memory: no network, no files, so it runs in Vitest,
 * Storybook and the browser. Records are copied in and out so callers never share state
 * with the store. Just over 300 lines: one short method for each of the store interface's.
 */
export class MemoryStore implements AuditStore {
  readonly #meta = new Map<string, string>();
  readonly #users = new Map<string, UserRecord>();
  readonly #apiKeys = new Map<string, ApiKeyRecord>();
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #viewerSessions = new Map<string, ViewerSessionRecord>();
  readonly #refreshTokens = new Map<string, RefreshTokenRecord>();
  /** Per tenant: events by id, the same events in insertion order, and the log's tree. */
  readonly #events = new Map<string, TenantEvents>();
  readonly #idempotency = new Map<string, IdempotencyRecord>();

  getMeta(key: string): string | null {
    return this.#meta.get(key) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#meta.set(key, value);
  }

  insertUser(user: UserRecord): void {
    if (this.findUserByUsername(user.tenant_id, user.username)) {
      throw new DuplicateError(`User ${user.username} already exists`);
    }
    this.#users.set(user.id, structuredClone(user));
  }

  getUser(tenantId: string, id: string): UserRecord | null {
    const user = this.#users.get(id);
    return user && user.tenant_id === tenantId ? structuredClone(user) : null;
  }

  findUserByUsername(tenantId: string, username: string): UserRecord | null {
    const wanted = username.toLowerCase();
    for (const user of this.#users.values()) {
      if (user.tenant_id === tenantId && user.username.toLowerCase() === wanted) {
        return structuredClone(user);
      }
    }
    return null;
  }

  updateUser(user: UserRecord): void {
    this.#users.set(user.id, structuredClone(user));
  }

  countUsers(): number {
    return this.#users.size;
  }

  insertApiKey(key: ApiKeyRecord): void {
    this.#apiKeys.set(key.key_hash, structuredClone(key));
  }

  findApiKeyByHash(keyHash: string): ApiKeyRecord | null {
    const key = this.#apiKeys.get(keyHash);
    return key ? structuredClone(key) : null;
  }

  touchApiKey(id: string, at: string): void {
    for (const key of this.#apiKeys.values()) if (key.id === id) key.last_used_at = at;
  }

  listApiKeys(tenantId: string): ApiKeyRecord[] {
    return [...this.#apiKeys.values()]
      .filter((key) => key.tenant_id === tenantId)
      .map((key) => structuredClone(key));
  }

  revokeApiKey(tenantId: string, id: string, at: string): ApiKeyRecord | null {
    for (const key of this.#apiKeys.values()) {
      if (key.id !== id || key.tenant_id !== tenantId) continue;
      if (key.is_active) Object.assign(key, { is_active: false, updated_at: at });
      return structuredClone(key);
    }
    return null;
  }

  insertSession(session: SessionRecord): void {
    this.#sessions.set(session.id, { ...session });
  }

  getSession(id: string): SessionRecord | null {
    const session = this.#sessions.get(id);
    return session ? { ...session } : null;
  }

  revokeSession(id: string, at: string): void {
    const session = this.#sessions.get(id);
    if (session && session.revoked_at === null) session.revoked_at = at;
  }

  insertViewerSession(session: ViewerSessionRecord): void {
    this.#viewerSessions.set(session.id, structuredClone(session));
  }

  getViewerSession(tenantId: string, id: string): ViewerSessionRecord | null {
    const session = this.#viewerSessions.get(id);
    return session?.tenant_id === tenantId ? structuredClone(session) : null;
  }

  revokeViewerSession(tenantId: string, id: string, at: string): boolean {
    const session = this.#viewerSessions.get(id);
    if (session?.tenant_id !== tenantId) return false;
    session.revoked_at ??= at;
    return true;
  }

  revokeUserSessions(tenantId: string, userId: string, at: string, keepSessionId?: string): void {
    for (const session of this.#sessions.values()) {
      if (session.tenant_id !== tenantId || session.user_id !== userId) continue;
      if (session.id !== keepSessionId && session.revoked_at === null) session.revoked_at = at;
    }
  }

  insertRefreshToken(token: RefreshTokenRecord): void {
    this.#refreshTokens.set(token.token_hash, { ...token });
  }

  useRefreshToken(tokenHash: string, at: string): RefreshTokenRecord | null {
    const token = this.#refreshTokens.get(tokenHash);
    if (!token) return null;
    const before = { ...token };
    token.used_at ??= at;
    return before;
  }

  #tenantEvents(tenantId: string) {
    let entry = this.#events.get(tenantId);
    if (!entry) {
      entry = { byId: new Map(), all: [], tree: new Map(), treeSize: 0, pending: [] };
      this.#events.set(tenantId, entry);
    }
    return entry;
  }

  insertEvents(
    tenantId: string,
    events: AuditLogEvent[],
    claim?: IdempotencyClaim,
  ): InsertEventsResult {
    const entry = this.#tenantEvents(tenantId);
    const claimKey = claim && `${tenantId}\u0000${claim.key}`;
    if (claim && claimKey) {
      const existing = this.#idempotency.get(claimKey);
      if (existing && existing.createdAt >= claim.notBefore) {
        if (existing.fingerprint !== claim.fingerprint) return { status: 'conflict' };
        const replayed = existing.eventIds.map((id) => structuredClone(entry.byId.get(id)!));
        return { status: 'replayed', events: replayed };
      }
    }
    const stored = events.map((event, offset) => ({
      ...structuredClone(event),
      sequence: entry.treeSize + offset,
    }));
    for (const event of stored) entry.pending.push(canonicalLeafJson(event));
    entry.treeSize += stored.length;
    for (const event of stored) {
      entry.byId.set(event.id, event);
      entry.all.push(event);
    }
    if (claim && claimKey) {
      this.#idempotency.set(claimKey, {
        fingerprint: claim.fingerprint,
        eventIds: stored.map((event) => event.id),
        createdAt: claim.now,
      });
    }
    return { status: 'created', events: stored.map((event) => structuredClone(event)) };
  }

  getEvent(tenantId: string, id: string, scope?: ViewerScope): AuditLogEvent | null {
    const event = this.#events.get(tenantId)?.byId.get(id);
    if (!event || (scope && !scopeMatches(event, scope))) return null;
    return structuredClone(event);
  }

  #matching(tenantId: string, filter: EventFilter): AuditLogEvent[] {
    const all = this.#events.get(tenantId)?.all ?? [];
    return all.filter((event) => eventMatches(event, filter));
  }

  queryEvents(tenantId: string, filter: EventFilter, page: PageRequest) {
    const matching = this.#matching(tenantId, filter).sort(eventComparator(filter));
    const items = matching.slice(page.offset, page.offset + page.limit);
    return { items: items.map((event) => structuredClone(event)), total: matching.length };
  }

  countEvents(tenantId: string, filter: EventFilter): number {
    return this.#matching(tenantId, filter).length;
  }

  *streamEvents(tenantId: string, filter: EventFilter): Iterable<AuditLogEvent> {
    const matching = this.#matching(tenantId, filter).sort(eventComparator(filter));
    for (const event of matching) yield structuredClone(event);
  }

  summarize(
    tenantId: string,
    filter: EventFilter,
    interval: SummaryInterval | null,
  ): SummaryCounts {
    const counts = emptySummaryCounts();
    // A Map, not an object: a resource type named "__proto__" must count, not pollute.
    const resourceTypes = new Map<string, number>();
    for (const event of this.#matching(tenantId, filter)) {
      counts.total_count += 1;
      counts.event_types[event.event_type] = (counts.event_types[event.event_type] ?? 0) + 1;
      counts.severities[event.severity] = (counts.severities[event.severity] ?? 0) + 1;
      resourceTypes.set(event.resource_type, (resourceTypes.get(event.resource_type) ?? 0) + 1);
      if (counts.min_timestamp === null || event.timestamp < counts.min_timestamp) {
        counts.min_timestamp = event.timestamp;
      }
      if (counts.max_timestamp === null || event.timestamp > counts.max_timestamp) {
        counts.max_timestamp = event.timestamp;
      }
      if (interval) {
        const key = bucketStart(Date.parse(event.timestamp), interval);
        const bucket = counts.buckets.get(key) ?? { count: 0, severities: {} };
        bucket.count += 1;
        bucket.severities[event.severity] = (bucket.severities[event.severity] ?? 0) + 1;
        counts.buckets.set(key, bucket);
      }
    }
    counts.resource_types = Object.fromEntries(resourceTypes);
    return counts;
  }

  facets(
    tenantId: string,
    filter: EventFilter,
    fields: readonly FacetField[],
    limit: number,
  ): FacetsResponse {
    const matching = this.#matching(tenantId, filter);
    const facets: FacetsResponse['facets'] = {};
    for (const field of fields) {
      const counts = new Map<string, number>();
      for (const event of matching) {
        const value = event[field];
        if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      facets[field] = topFacetValues(counts, limit);
    }
    return { total: matching.length, facets };
  }

  getTreeSize(tenantId: string): number {
    return this.#events.get(tenantId)?.treeSize ?? 0;
  }

  getTreeNodes(tenantId: string, nodes: readonly NodeId[]): Map<string, Uint8Array> {
    const entry = this.#events.get(tenantId);
    if (entry && entry.pending.length > 0) {
      const added = appendLeaves(
        portableSha256,
        entry.treeSize - entry.pending.length,
        entry.pending,
        (node) => entry.tree.get(nodeKey(node)) ?? null,
      );
      for (const node of added) entry.tree.set(nodeKey(node), node.hash);
      entry.pending = [];
    }
    const tree = entry?.tree;
    const found = new Map<string, Uint8Array>();
    for (const node of nodes) {
      const key = nodeKey(node);
      const hash = tree?.get(key);
      if (hash) found.set(key, hash);
    }
    return found;
  }

  getSequences(tenantId: string, ids: readonly string[]): Map<string, number> {
    const byId = this.#events.get(tenantId)?.byId;
    const found = new Map<string, number>();
    for (const id of ids) {
      const sequence = byId?.get(id)?.sequence;
      if (sequence !== undefined) found.set(id, sequence);
    }
    return found;
  }

  getEventsBySequence(tenantId: string, start: number, end: number): AuditLogEvent[] {
    const all = this.#events.get(tenantId)?.all ?? [];
    return all
      .filter(
        (event) => event.sequence !== undefined && event.sequence >= start && event.sequence < end,
      )
      .sort((a, b) => a.sequence! - b.sequence!)
      .map((event) => structuredClone(event));
  }

  /**
   * Edits a tenant's stored rows in place, bypassing the log, as someone with access to the
   * database could: for tests and demos of tamper evidence only. The tree is left as it was.
   */
  editStoredEvents(tenantId: string, edit: (rows: AuditLogEvent[]) => void): void {
    const entry = this.#tenantEvents(tenantId);
    edit(entry.all);
    entry.byId = new Map(entry.all.map((event) => [event.id, event]));
  }
}
