import { describe, expect, it } from 'vitest';
import { openConnection, SEARCH_FUNCTION } from '../../demo/server/sqlite-connection.js';
import {
  eventCountQuery,
  eventPageQuery,
  facetQuery,
  summaryGroupsQuery,
  type SqlFragment,
} from '../../demo/server/sqlite-event-sql.js';
import { SqliteStore } from '../../demo/server/sqlite-store.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import { DuplicateError, type EventFilter, type UserRecord } from '../../src/server/store/types.js';
import { sqliteFiles } from '../support/sqlite-files.js';
import {
  ANY,
  DAY,
  event,
  expectAgreesWithMemory,
  expectFacetsAgreeAtEdges,
  iso,
  loadEdgeEvents,
  NOW,
} from '../support/store-agreement.js';

const fileStore = sqliteFiles('sqlite-store-');

function user(tenant: string, username: string): UserRecord {
  return {
    id: crypto.randomUUID(),
    tenant_id: tenant,
    username,
    email: `${username.toLowerCase()}@example.com`,
    full_name: null,
    roles: ['audit_viewer'],
    is_active: true,
    password_hash: 'pbkdf2-sha256$1000$c2FsdA$aGFzaA',
    created_at: iso(NOW),
    updated_at: null,
    last_login_at: null,
  };
}

describe('a SQLite file store', () => {
  it('keeps users, keys, sessions, settings and events across a close and reopen', async () => {
    const { store, path } = fileStore();
    const alice = user('acme', 'alice');
    store.insertUser(alice);
    store.insertApiKey({
      id: 'key-1',
      tenant_id: 'acme',
      name: 'ci',
      permissions: ['read', 'export'],
      key_prefix: 'alk_abcdefgh',
      key_hash: 'f'.repeat(64),
      created_by: alice.id,
      is_active: true,
      created_at: iso(NOW),
      expires_at: iso(NOW + DAY),
      last_used_at: null,
    });
    store.insertSession({
      id: 'session-1',
      tenant_id: 'acme',
      user_id: alice.id,
      created_at: iso(NOW),
      revoked_at: null,
    });
    store.setMeta('jwt_secret', 'kept');
    const events = [
      event('acme', { metadata: { before: { status: 'draft' }, after: { status: 'sent' } } }),
      event('acme', { timestamp: iso(NOW - DAY), user_id: alice.id }),
    ];
    store.insertEvents('acme', events);
    store.close();
    // Each is stored with its place in the tenant's log.
    const logged = events.map((stored, sequence) => ({ ...stored, sequence }));

    const { store: reopened } = fileStore(path);
    expect(reopened.getUser('acme', alice.id)).toEqual(alice);
    expect(reopened.findApiKeyByHash('f'.repeat(64))?.permissions).toEqual(['read', 'export']);
    expect(reopened.getSession('session-1')?.user_id).toBe(alice.id);
    expect(reopened.getMeta('jwt_secret')).toBe('kept');
    expect(reopened.getEvent('acme', events[0]!.id)).toEqual(logged[0]);
    expect((await reopened.queryEvents('acme', ANY, { offset: 0, limit: 10 })).items).toEqual(
      logged,
    );
    expect(reopened.getTreeSize('acme')).toBe(2);
  });

  it('refuses a data file written by a newer schema, with a message saying what to do', () => {
    const { store, path } = fileStore();
    store.setMeta('schema_version', '99');
    store.close();
    expect(() => new SqliteStore(path)).toThrow(/schema version 99.*newer server or another --db/);
  });

  it('fills the hourly and facet rollups from the events of a file written before them', async () => {
    const { store, path } = fileStore();
    const events = [
      event('acme', { timestamp: iso(NOW - 2 * DAY), severity: 'error', user_id: 'alice' }),
      event('acme', { timestamp: iso(NOW - 2 * DAY + 1000), action: 'delete', user_id: 'bob' }),
      event('acme', { timestamp: iso(NOW), event_type: 'system_event', user_id: 'alice' }),
      event('globex'),
    ];
    store.insertEvents('acme', events.slice(0, 3));
    store.insertEvents('globex', events.slice(3));
    const expected = store.summarize('acme', ANY, 'hour');
    const expectedFacets = await store.facets('acme', ANY, ['action', 'user_id'], 10);
    store.close();
    // Back to schema version 3: no rollups, the summary index, no viewer sessions, no
    // search index or its backlog and no index by sequence.
    const db = openConnection(path, { readonly: false });
    db.exec(`DROP TABLE viewer_sessions; DROP TABLE event_rollups; DROP TABLE event_search;
      DROP TABLE event_search_pending;
      DROP INDEX events_by_sequence;
      DROP TABLE facet_rollups;
      CREATE INDEX events_summary ON audit_events
        (tenant_id, event_type, severity_rank, resource_type, timestamp);
      UPDATE meta SET value = '3' WHERE key = 'schema_version';`);
    db.close();

    const { store: upgraded } = fileStore(path);
    expect(upgraded.summarize('acme', ANY, 'hour')).toEqual(expected);
    expect(await upgraded.facets('acme', ANY, ['action', 'user_id'], 10)).toEqual(expectedFacets);
    expect(expectedFacets.facets).toEqual({
      action: [
        { value: 'read', count: 2 },
        { value: 'delete', count: 1 },
      ],
      user_id: [
        { value: 'alice', count: 2 },
        { value: 'bob', count: 1 },
      ],
    });
    expect(expected.total_count).toBe(3);
    expect(upgraded.countEvents('globex', ANY)).toBe(1);
  });

  it('answers only the asked tenant, whatever the ids', () => {
    const { store } = fileStore();
    const mine = event('acme');
    store.insertEvents('acme', [mine]);
    store.insertEvents('globex', [event('globex')]);
    expect(store.getEvent('globex', mine.id)).toBeNull();
    expect(store.countEvents('globex', ANY)).toBe(1);
    expect(store.summarize('globex', ANY, null).total_count).toBe(1);
  });
});

describe('users', () => {
  it('refuses a second user whose name differs only in case, and finds either spelling', () => {
    const { store } = fileStore();
    const alice = user('acme', 'Alice');
    store.insertUser(alice);
    expect(() => store.insertUser(user('acme', 'aLICE'))).toThrow(DuplicateError);
    expect(store.findUserByUsername('acme', 'ALICE')?.id).toBe(alice.id);
    // Another tenant may use the name.
    expect(() => store.insertUser(user('globex', 'alice'))).not.toThrow();
    expect(store.countUsers()).toBe(2);
  });

  it('saves changes to a user and never shows them to another tenant', () => {
    const { store } = fileStore();
    const bob = user('acme', 'bob');
    store.insertUser(bob);
    const changed = { ...bob, roles: ['tenant_admin' as const], updated_at: iso(NOW + 1) };
    store.updateUser(changed);
    expect(store.getUser('acme', bob.id)).toEqual(changed);
    expect(store.getUser('globex', bob.id)).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('can be used once: the second use sees when the first happened', () => {
    const { store } = fileStore();
    const owner = user('acme', 'carol');
    store.insertUser(owner);
    store.insertSession({
      id: 's1',
      tenant_id: 'acme',
      user_id: owner.id,
      created_at: iso(NOW),
      revoked_at: null,
    });
    store.insertRefreshToken({
      token_hash: 'a'.repeat(64),
      session_id: 's1',
      expires_at: iso(NOW + DAY),
      used_at: null,
    });
    const first = store.useRefreshToken('a'.repeat(64), iso(NOW + 1000));
    const second = store.useRefreshToken('a'.repeat(64), iso(NOW + 2000));
    expect(first?.used_at).toBeNull();
    expect(second?.used_at).toBe(iso(NOW + 1000));
    expect(store.useRefreshToken('b'.repeat(64), iso(NOW))).toBeNull();
  });

  it('keep a session revoked at its first revocation when it is revoked again', () => {
    const { store } = fileStore();
    const owner = user('acme', 'dave');
    store.insertUser(owner);
    store.insertSession({
      id: 's2',
      tenant_id: 'acme',
      user_id: owner.id,
      created_at: iso(NOW),
      revoked_at: null,
    });
    store.revokeSession('s2', iso(NOW + 1));
    store.revokeSession('s2', iso(NOW + 2));
    expect(store.getSession('s2')?.revoked_at).toBe(iso(NOW + 1));
  });
});

describe('writing events', () => {
  const claim = (key: string, fingerprint: string, at: number) => ({
    key,
    fingerprint,
    notBefore: iso(at - DAY),
    now: iso(at),
  });

  it('answers a repeated request with the first result, in order, and stores nothing more', () => {
    const { store } = fileStore();
    const first = [event('acme', { description: 'one' }), event('acme', { description: 'two' })];
    expect(store.insertEvents('acme', first, claim('k1', 'body-a', NOW)).status).toBe('created');
    const again = store.insertEvents(
      'acme',
      [event('acme'), event('acme')],
      claim('k1', 'body-a', NOW + 1000),
    );
    expect(again).toEqual({
      status: 'replayed',
      events: first.map((stored, sequence) => ({ ...stored, sequence })),
    });
    expect(store.countEvents('acme', ANY)).toBe(2);
  });

  it('refuses the same key with another body, and keeps keys apart per tenant', () => {
    const { store } = fileStore();
    store.insertEvents('acme', [event('acme')], claim('k2', 'body-a', NOW));
    expect(store.insertEvents('acme', [event('acme')], claim('k2', 'body-b', NOW))).toEqual({
      status: 'conflict',
    });
    expect(store.insertEvents('globex', [event('globex')], claim('k2', 'body-b', NOW)).status).toBe(
      'created',
    );
    expect(store.countEvents('acme', ANY)).toBe(1);
  });

  it('treats a key older than the window as new, and replays the newer result after', () => {
    const { store } = fileStore();
    store.insertEvents('acme', [event('acme')], claim('k3', 'body-a', NOW));
    const later = NOW + 2 * DAY;
    const fresh = [event('acme', { description: 'fresh' })];
    expect(store.insertEvents('acme', fresh, claim('k3', 'body-b', later)).status).toBe('created');
    expect(store.insertEvents('acme', [event('acme')], claim('k3', 'body-b', later + 1))).toEqual({
      status: 'replayed',
      events: fresh.map((stored) => ({ ...stored, sequence: 1 })),
    });
    expect(store.countEvents('acme', ANY)).toBe(2);
  });

  it('stores none of a batch when one of its events cannot be stored', () => {
    const { store } = fileStore();
    const twin = event('acme');
    expect(() => store.insertEvents('acme', [event('acme'), twin, { ...twin }])).toThrow();
    expect(store.countEvents('acme', ANY)).toBe(0);
  });
});

describe('streaming events', () => {
  it('keeps accepting writes while an export is read, and releases it when the reader stops', () => {
    const { store } = fileStore();
    store.insertEvents(
      'acme',
      Array.from({ length: 50 }, (_, i) => event('acme', { timestamp: iso(NOW - i * 1000) })),
    );
    const stream = store.streamEvents('acme', ANY)[Symbol.iterator]();
    expect(stream.next().done).toBe(false);
    store.insertEvents('acme', [event('acme')]);
    expect(stream.return?.().done).toBe(true);
    expect(store.countEvents('acme', ANY)).toBe(51);
    expect(() => store.close()).not.toThrow();
  });

  it('reads each export as of its start, so a later export sees writes an earlier one does not', () => {
    const { store } = fileStore();
    store.insertEvents('acme', [event('acme'), event('acme')]);
    const older = store.streamEvents('acme', ANY)[Symbol.iterator]();
    older.next();
    store.insertEvents('acme', [event('acme')]);
    expect([...store.streamEvents('acme', ANY)]).toHaveLength(3);
    let rest = 0;
    while (!older.next().done) rest += 1;
    expect(rest).toBe(1);
  });

  it('ends open exports when the store closes instead of failing the close', () => {
    const { store } = fileStore();
    store.insertEvents('acme', [event('acme'), event('acme'), event('acme')]);
    const stream = store.streamEvents('acme', ANY)[Symbol.iterator]();
    stream.next();
    expect(() => store.close()).not.toThrow();
    expect(stream.next().done).toBe(true);
  });

  it('lets the WAL checkpoint fully while an export sits unread half-way', () => {
    const { store, path } = fileStore(undefined, { streamPageRows: 10 });
    store.insertEvents(
      'acme',
      Array.from({ length: 50 }, (_, i) => event('acme', { timestamp: iso(NOW - i * 1000) })),
    );
    const stalled = store.streamEvents('acme', ANY)[Symbol.iterator]();
    for (let i = 0; i < 15; i += 1) stalled.next();
    // Another tenant keeps writing while the reader stalls.
    for (let i = 0; i < 20; i += 1) store.insertEvents('globex', [event('globex')]);
    const other = openConnection(path, { readonly: false });
    try {
      const [result] = other.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
      expect(result).toMatchObject({ busy: 0, log: 0 });
    } finally {
      other.close();
    }
    // And the stalled export still finishes with exactly the rows of its start.
    let rest = 0;
    while (!stalled.next().done) rest += 1;
    expect(rest).toBe(35);
  });

  it('lets other requests run while a search scans a large tenant', async () => {
    const { store } = fileStore(undefined, { searchSliceRows: 500 });
    store.insertEvents(
      'acme',
      Array.from({ length: 3000 }, (_, i) =>
        event('acme', { description: i % 1000 === 0 ? 'the q!' : 'hay' }),
      ),
    );
    let otherRan = false;
    // Two characters: too short for the trigram index, so the rows are scanned.
    const search = store.queryEvents('acme', { ...ANY, search: 'q!' }, { offset: 0, limit: 10 });
    setImmediate(() => (otherRan = true));
    const found = await search;
    // Another request's turn came while the scan was still going.
    const ranBeforeDone = otherRan;
    expect(found.total).toBe(3);
    expect(ranBeforeDone).toBe(true);
    expect(await store.countEvents('acme', { ...ANY, search: 'Q!' })).toBe(3);
  });

  it('in memory, streams without blocking writes either', () => {
    const { store } = fileStore(':memory:');
    store.insertEvents('acme', [event('acme'), event('acme')]);
    const stream = store.streamEvents('acme', ANY)[Symbol.iterator]();
    stream.next();
    expect(() => store.insertEvents('acme', [event('acme')])).not.toThrow();
    stream.return?.();
  });
});

describe('query plans at scale', () => {
  // The statistics the schema installs describe a large log, so these plans are the ones a
  // tenant with a million events gets; an empty file is enough to ask for them.
  function planOf(path: string, query: SqlFragment): string[] {
    const db = openConnection(path, { readonly: true });
    try {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params);
      return (rows as { detail: string }[]).map((row) => row.detail);
    } finally {
      db.close();
    }
  }

  function expectIndexed(plan: string[]) {
    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX/);
    for (const step of plan) expect(step).not.toMatch(/^SCAN audit_events$/);
  }

  const lastWeek: EventFilter = { ...ANY, start_date: iso(NOW - 7 * DAY) };

  it('finds the first page of recent errors and criticals through an index', () => {
    const { path } = fileStore();
    const filter: EventFilter = { ...lastWeek, severities: ['error', 'critical'] };
    const count = planOf(path, eventCountQuery('acme', filter));
    const page = planOf(path, eventPageQuery('acme', filter, { offset: 0, limit: 50 }));
    expectIndexed(count);
    expectIndexed(page);
    expect(count.join('\n')).toContain('COVERING INDEX events_by_severity');
  });

  it('reads a time range of one tenant through the time index', () => {
    const { path } = fileStore();
    const filter: EventFilter = { ...lastWeek, end_date: iso(NOW) };
    const page = planOf(path, eventPageQuery('acme', filter, { offset: 0, limit: 50 }));
    expectIndexed(page);
    expect(page.join('\n')).toContain(
      'events_by_time (tenant_id=? AND timestamp>? AND timestamp<?)',
    );
  });

  it('goes straight to a request chain instead of walking the tenant in time order', () => {
    const { path } = fileStore();
    const filter: EventFilter = { ...ANY, correlation_ids: ['req_1'] };
    const page = planOf(path, eventPageQuery('acme', filter, { offset: 0, limit: 50 }));
    expect(page.join('\n')).toContain('events_by_correlation');
  });

  it('summarises whole hours from the rollups and only the partial hour from events', () => {
    const { path } = fileStore();
    const plan = planOf(path, summaryGroupsQuery('acme', lastWeek)).join('\n');
    expect(plan).toContain('SEARCH event_rollups USING PRIMARY KEY (tenant_id=? AND hour>?)');
    expect(plan).toMatch(/SEARCH audit_events USING (COVERING )?INDEX events_by_time/);
    expect(plan).not.toMatch(/SCAN audit_events/);
  });

  it('answers a search of three characters or more from the trigram index', () => {
    const { path } = fileStore();
    const plan = planOf(path, eventCountQuery('acme', { ...ANY, search: 'İstanbul' })).join('\n');
    expect(plan).toContain('event_search');
    expect(plan).not.toContain(SEARCH_FUNCTION);
  });

  it('finds by search what the in-memory store finds, beyond ASCII and at any length', async () => {
    const { store } = fileStore();
    const memory = new MemoryStore();
    const texts = [
      'Signed in from İstanbul',
      'STRASSE und Straße',
      '300 \u212A',
      'a*b?c[d]',
      'ǅemal',
      // Quotes end an FTS5 string unless doubled: the index is asked for trigrams holding them.
      'He said "yes" AND left',
    ];
    const events = texts.map((description) => event('acme', { description }));
    store.insertEvents('acme', events);
    memory.insertEvents('acme', events);
    const needles = [
      'i̇stanbul',
      'İSTANBUL',
      'istanbul',
      'straße',
      'STRASSE',
      'ss',
      '300 k',
      'ǆ',
      'ǅem',
      '*b?',
      'c[d',
      'x',
      '"yes"',
      'd "yes" and',
    ];
    for (const search of needles) {
      expect(await store.countEvents('acme', { ...ANY, search }), search).toBe(
        memory.countEvents('acme', { ...ANY, search }),
      );
    }
    expect(await store.countEvents('acme', { ...ANY, search: 'İstanbul' })).toBe(1);
  });

  it("counts a sidebar's actions and users from the facet rollups, not the events", () => {
    const { path } = fileStore();
    for (const field of ['action', 'user_id'] as const) {
      const whole = planOf(path, facetQuery('acme', ANY, field, 10)).join('\n');
      expect(whole).toContain('facet_rollups');
      expect(whole).not.toContain('audit_events');
      // A week: whole hours from the rollups, the partial hour at its start from the events.
      const week = planOf(path, facetQuery('acme', lastWeek, field, 10)).join('\n');
      expect(week).toContain('SEARCH facet_rollups USING PRIMARY KEY');
      expect(week).toMatch(/SEARCH audit_events USING (COVERING )?INDEX events_by_time/);
    }
    // Another field's filter cannot be applied to the rollup's rows: counted from the events.
    const oneUser = { ...ANY, user_ids: ['alice'] };
    expect(planOf(path, facetQuery('acme', oneUser, 'action', 10)).join('\n')).not.toContain(
      'facet_rollups',
    );
  });

  it('counts a tenant without filters from the rollups alone', () => {
    const { path } = fileStore();
    const plan = planOf(path, eventCountQuery('acme', ANY)).join('\n');
    expect(plan).toContain('event_rollups');
    expect(plan).not.toContain('audit_events');
  });
});

describe('agreement with the in-memory store', () => {
  it('answers every filter, sort, page, stream and summary exactly as MemoryStore does', async () => {
    // Pages of 7 rows and search slices of 50, so every stream resumes across many ties,
    // NULLs and both orders, and every search is put together from many slices.
    const { store } = fileStore(undefined, { streamPageRows: 7, searchSliceRows: 50 });
    await expectAgreesWithMemory(store, { numRuns: 300, minNonEmpty: 150 });
  });

  it('counts facets over ranges ending on, inside and beside hours and days as MemoryStore does', async () => {
    const { store } = fileStore();
    const memory = new MemoryStore();
    await loadEdgeEvents(store, memory);
    await expectFacetsAgreeAtEdges(store, memory, 'acme');
  });
});
