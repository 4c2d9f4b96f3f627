import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../demo/server/sqlite-connection.js';
import { SEARCH_INDEX } from '../../demo/server/sqlite-search.js';
import type { SqliteStore } from '../../demo/server/sqlite-store.js';
import type { EventFilter } from '../../src/server/store/types.js';
import { sqliteFiles } from '../support/sqlite-files.js';
import { ANY, event, expectAgreesWithMemory } from '../support/store-agreement.js';

// Search text waits in a backlog until it is folded into the trigram index in bulk
// (demo/server/sqlite-search-backlog.ts); a search must find every written event either way.

const fileStore = sqliteFiles('sqlite-search-backlog-');
const HOUR = 3_600_000;

/** Rows in the index and in the backlog, read from the file as another process would. */
function rowsOf(path: string) {
  const db = openConnection(path, { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { indexed: count('event_search'), pending: count('event_search_pending') };
  } finally {
    db.close();
  }
}

// Upper case against 'İstanbul' and 'istanbul' alike: the needle and the text are
// lower-cased by JavaScript's rules, in the index and in the backlog.
const istanbul: EventFilter = { ...ANY, search: 'STANBUL' };

/** What a search for Istanbul answers through every kind of read. */
async function found(store: SqliteStore, filter: EventFilter = istanbul) {
  const page = await store.queryEvents('acme', filter, { offset: 0, limit: 10 });
  const streamed = [];
  for await (const item of store.streamEvents('acme', filter)) streamed.push(item.id);
  const facets = await store.facets('acme', filter, ['action'], 5);
  return {
    count: await store.countEvents('acme', filter),
    page: page.items.map((item) => item.id),
    total: page.total,
    streamed,
    facetTotal: facets.total,
    summaryTotal: store.summarize('acme', filter, null).total_count,
  };
}

describe('the search backlog', () => {
  it('finds an event by search the moment it is written, and once after it is folded into the index', async () => {
    const { store, path } = fileStore(undefined, { searchFoldRows: 3, searchIdleMs: HOUR });
    const first = event('acme', { description: 'Signed in from İstanbul' });
    store.insertEvents('acme', [first, event('acme', { description: 'Viewed an invoice' })]);
    expect(rowsOf(path)).toEqual({ indexed: 0, pending: 2 });
    const one = {
      count: 1,
      page: [first.id],
      total: 1,
      streamed: [first.id],
      facetTotal: 1,
      summaryTotal: 1,
    };
    expect(await found(store)).toEqual(one);

    // The write that fills the backlog folds it: the events move, none is found twice.
    const second = event('acme', { description: 'Signed in from istanbul again' });
    store.insertEvents('acme', [second, event('acme')]);
    expect(rowsOf(path)).toEqual({ indexed: 4, pending: 0 });
    const both = await found(store);
    expect(both.count).toBe(2);
    expect(new Set(both.page)).toEqual(new Set([first.id, second.id]));

    // Later writes are found from the backlog beside the index.
    const third = event('acme', { description: 'ISTANBUL office' });
    store.insertEvents('acme', [third]);
    expect(rowsOf(path)).toEqual({ indexed: 4, pending: 1 });
    expect((await found(store)).count).toBe(3);
    // Another tenant's events, pending or indexed, are never found.
    store.insertEvents('globex', [event('globex', { description: 'İstanbul' })]);
    expect((await found(store)).count).toBe(3);
  });

  it('folds the backlog into the index once writes pause', async () => {
    const { store, path } = fileStore(undefined, { searchIdleMs: 20 });
    const written = event('acme', { description: 'Signed in from İstanbul' });
    store.insertEvents('acme', [written]);
    expect(rowsOf(path).pending).toBe(1);
    for (let waited = 0; rowsOf(path).pending > 0 && waited < 5000; waited += 20) await sleep(20);
    expect(rowsOf(path)).toEqual({ indexed: 1, pending: 0 });
    expect((await found(store)).page).toEqual([written.id]);
  });

  it('keeps what is left in the backlog across a close and reopen', async () => {
    const { store, path } = fileStore(undefined, { searchIdleMs: HOUR });
    const written = event('acme', { description: 'Signed in from İstanbul' });
    store.insertEvents('acme', [written]);
    store.close();
    const { store: reopened } = fileStore(path, { searchIdleMs: 20 });
    expect((await found(reopened)).page).toEqual([written.id]);
    for (let waited = 0; rowsOf(path).pending > 0 && waited < 5000; waited += 20) await sleep(20);
    expect(rowsOf(path)).toEqual({ indexed: 1, pending: 0 });
    expect((await found(reopened)).page).toEqual([written.id]);
  });

  it('upgrades a file of schema version 8, whose events are all in the index, and searches old and new events', async () => {
    const { store, path } = fileStore(undefined, { searchIdleMs: HOUR });
    const old = event('acme', { description: 'Signed in from İstanbul' });
    store.insertEvents('acme', [old]);
    store.close();
    // Schema 8 wrote search text straight into the index (with its default settings) and
    // had no backlog.
    const db = openConnection(path, { readonly: false });
    db.exec(`DROP TABLE event_search;
      ${SEARCH_INDEX}
      INSERT INTO event_search (rowid, search_text)
        SELECT seq, search_text FROM event_search_pending;
      DROP TABLE event_search_pending;
      UPDATE meta SET value = '8' WHERE key = 'schema_version';`);
    db.close();

    const { store: upgraded } = fileStore(path, { searchIdleMs: HOUR });
    expect((await found(upgraded)).page).toEqual([old.id]);
    const fresh = event('acme', { description: 'Back in Istanbul' });
    upgraded.insertEvents('acme', [fresh]);
    expect(rowsOf(path)).toEqual({ indexed: 1, pending: 1 });
    expect((await found(upgraded)).count).toBe(2);
  });

  it('answers as the in-memory store does with one tenant indexed and the other pending', async () => {
    // The dataset's larger tenant (320 events) fills the backlog and is folded; the other's
    // 80 events stay in the backlog.
    const { store, path } = fileStore(undefined, { searchFoldRows: 100, searchIdleMs: HOUR });
    await expectAgreesWithMemory(store, { numRuns: 100, minNonEmpty: 40 });
    expect(rowsOf(path)).toEqual({ indexed: 320, pending: 80 });
  });
});
