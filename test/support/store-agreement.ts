import fc from 'fast-check';
import { expect } from 'vitest';
import {
  EVENT_TYPES,
  FACET_FIELDS,
  SEVERITIES,
  SORT_FIELDS,
  type AuditLogEvent,
  type SummaryInterval,
} from '../../src/contract/schemas/index.js';
import { INTERVAL_MS } from '../../src/contract/constants.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import type { AuditStore, EventFilter, SummaryCounts } from '../../src/server/store/types.js';
import { storedEvent } from '../contract/helpers.js';

// A dataset and random queries on which every store must answer as the in-memory store does.

export const DAY = 86_400_000;
export const NOW = Date.parse('2026-03-10T12:00:00.000Z');
export const iso = (ms: number) => new Date(ms).toISOString();
export const ANY: EventFilter = { sort_by: 'timestamp', sort_order: 'desc' };

export function event(tenant: string, overrides: Partial<AuditLogEvent> = {}): AuditLogEvent {
  return storedEvent(tenant, {
    event_type: 'data_access',
    resource_type: 'invoice',
    action: 'read',
    severity: 'info',
    description: 'Viewed an invoice',
    timestamp: iso(NOW),
    created_at: iso(NOW),
    ...overrides,
  });
}

// Values chosen to catch the differences between SQLite and JavaScript: case folding
// beyond ASCII, NULLs in sorted columns, equal timestamps, instants before 1970.
const RESOURCE_TYPES = ['invoice', 'Invoice', 'user', 'ärger', '__proto__', 'zeta'];
const ACTIONS = ['read', 'Read', 'update', 'delete', 'login_failed'];
const USERS = [null, 'alice', 'Alice', 'bob', 'İlkay', 'straße'];
const SESSIONS = [null, 'sess-1', 'sess-2'];
const IPS = [null, '10.0.0.1', '192.0.2.7'];
const DESCRIPTIONS = [
  'Viewed invoice INV-1',
  'Temperature 300 K (Kelvin sign)',
  'Signed in from İstanbul',
  'Changed STRASSE to straße',
  '100% done_with 😀',
  'plain',
];
const SEARCHES = ['k', 'K', 'i̇', 'istanbul', 'ss', 'ß', 'invoice', 'ALICE', '%', '_', '😀', 'none'];
const BASE_TIMES = [Date.parse('1969-12-30T10:00:00.000Z'), NOW - 3 * DAY, NOW - DAY, NOW];

export function dataset(): AuditLogEvent[] {
  const events: AuditLogEvent[] = [];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 16807) % 2147483647;
    return seed % n;
  };
  for (let i = 0; i < 400; i++) {
    const pick = <T>(items: readonly T[]) => items[next(items.length)]!;
    // Few distinct instants, so ties on the sort field and on timestamp are common.
    const at = pick(BASE_TIMES) + next(40) * 997_000;
    events.push(
      event(i % 5 === 0 ? 'globex' : 'acme', {
        event_type: pick(EVENT_TYPES),
        severity: pick(SEVERITIES),
        resource_type: pick(RESOURCE_TYPES),
        resource_id: pick([null, 'r-1', 'r-2', 'R-1']),
        action: pick(ACTIONS),
        description: pick(DESCRIPTIONS),
        user_id: pick(USERS),
        session_id: pick(SESSIONS),
        correlation_id: pick([null, `req-${next(30)}`]),
        ip_address: pick(IPS),
        metadata: next(2) === 0 ? null : { n: i, nested: { ok: true } },
        timestamp: iso(at),
        created_at: iso(at + next(3) * 60_000),
      }),
    );
  }
  return events;
}

const FILTER_VALUES = {
  start_date: fc.constantFrom(...BASE_TIMES.map((t) => iso(t + 5 * 997_000))),
  end_date: fc.constantFrom(...BASE_TIMES.map((t) => iso(t + 20 * 997_000))),
  event_types: fc.subarray([...EVENT_TYPES], { minLength: 1 }),
  severities: fc.subarray([...SEVERITIES], { minLength: 1 }),
  resource_types: fc.subarray([...RESOURCE_TYPES, 'missing'], { minLength: 1 }),
  resource_ids: fc.subarray(['r-1', 'R-1', 'missing'], { minLength: 1 }),
  actions: fc.subarray(ACTIONS, { minLength: 1 }),
  user_ids: fc.subarray(['alice', 'Alice', 'bob', 'straße'], { minLength: 1 }),
  ip_addresses: fc.subarray(['10.0.0.1', '192.0.2.7'], { minLength: 1 }),
  session_ids: fc.subarray(['sess-1', 'sess-2'], { minLength: 1 }),
  correlation_ids: fc.subarray(['req-1', 'req-2', 'req-29'], { minLength: 1 }),
  search: fc.constantFrom('', ...SEARCHES),
  // Exclusions on fields the hourly rollups keep and on nullable ones they do not.
  exclude_event_types: fc.subarray([...EVENT_TYPES], { minLength: 1 }),
  exclude_severities: fc.subarray([...SEVERITIES], { minLength: 1 }),
  exclude_resource_ids: fc.subarray(['r-1', 'R-1', 'missing'], { minLength: 1 }),
  exclude_user_ids: fc.subarray(['alice', 'bob'], { minLength: 1 }),
  // The facet rollups apply a field's own lists: an exclusion on a field they keep.
  exclude_actions: fc.subarray(ACTIONS, { minLength: 1 }),
};
type FilterKey = keyof typeof FILTER_VALUES;

// Up to two filters at a time, so most queries match something worth comparing.
export const filterArbitrary: fc.Arbitrary<EventFilter> = fc
  .subarray(Object.keys(FILTER_VALUES) as FilterKey[], { maxLength: 2 })
  .chain((keys) =>
    fc.record({
      chosen: fc.record(FILTER_VALUES, { requiredKeys: keys }).map((all) => {
        const picked: Partial<Record<FilterKey, unknown>> = {};
        for (const key of keys) picked[key] = all[key];
        return picked as Partial<EventFilter>;
      }),
      sort_by: fc.constantFrom(...SORT_FIELDS),
      sort_order: fc.constantFrom('asc' as const, 'desc' as const),
    }),
  )
  .map(({ chosen, sort_by, sort_order }) => ({ ...chosen, sort_by, sort_order }))
  // A range that ends before it starts is refused before it reaches a store.
  .filter((f) => !(f.start_date && f.end_date && f.start_date > f.end_date));

export function comparable(summary: SummaryCounts) {
  return { ...summary, buckets: [...summary.buckets].sort(([a], [b]) => a - b) };
}

/**
 * Loads the dataset into `store` and an in-memory store, then checks `numRuns` random
 * queries: count, page, stream, summary and facets must be the same. More than `minNonEmpty` cases
 * must compare real rows, not two empty answers.
 */
export async function expectAgreesWithMemory(
  store: AuditStore,
  { numRuns, minNonEmpty }: { numRuns: number; minNonEmpty: number },
): Promise<void> {
  const memory = new MemoryStore();
  const events = dataset();
  for (const tenant of ['acme', 'globex']) {
    const own = events.filter((e) => e.tenant_id === tenant);
    memory.insertEvents(tenant, own);
    await store.insertEvents(tenant, own);
  }
  let nonEmpty = 0;
  await fc.assert(
    fc.asyncProperty(
      filterArbitrary,
      fc.constantFrom('acme', 'globex'),
      fc.nat(120),
      fc.integer({ min: 1, max: 60 }),
      fc.constantFrom<SummaryInterval | null>(null, 'minute', 'hour', 'day'),
      async (filter, tenant, offset, limit, interval) => {
        const page = { offset, limit };
        if (memory.countEvents(tenant, filter) > 0) nonEmpty += 1;
        expect(await store.countEvents(tenant, filter)).toBe(memory.countEvents(tenant, filter));
        expect(await store.queryEvents(tenant, filter, page)).toEqual(
          memory.queryEvents(tenant, filter, page),
        );
        const streamed = [];
        for await (const item of store.streamEvents(tenant, filter)) streamed.push(item);
        expect(streamed).toEqual([...memory.streamEvents(tenant, filter)]);
        expect(comparable(await store.summarize(tenant, filter, interval))).toEqual(
          comparable(memory.summarize(tenant, filter, interval)),
        );
        // Few values per field and small limits, so ties at the cut are common.
        const top = 1 + (limit % 6);
        expect(await store.facets(tenant, filter, FACET_FIELDS, top)).toEqual(
          memory.facets(tenant, filter, FACET_FIELDS, top),
        );
      },
    ),
    { numRuns },
  );
  expect(nonEmpty).toBeGreaterThan(minNonEmpty);
}

const HOUR = INTERVAL_MS.hour;
// Midnights two days apart, and 1970's first instant: spans before it have negative starts.
const DAY_0 = Date.parse('2026-03-08T00:00:00.000Z');
const DAY_1 = DAY_0 + DAY;
const DAY_2 = DAY_1 + DAY;

/**
 * Events on, just before and just after hour and day boundaries (also either side of 1970),
 * with several actions and users (some null) at each instant: what a facet rollup must
 * split exactly between its days, its hours and the events.
 */
export function edgeEvents(tenant: string): AuditLogEvent[] {
  const instants = [
    DAY_0 - 1,
    DAY_0,
    DAY_0 + HOUR - 1,
    DAY_0 + HOUR,
    DAY_0 + 5.5 * HOUR,
    DAY_1 - 1,
    DAY_1,
    DAY_1 + HOUR / 2,
    DAY_1 + 23 * HOUR + 59 * 60_000,
    DAY_2 + HOUR,
    DAY_2 + 2 * HOUR - 1,
    -HOUR - 1,
    -1,
    0,
  ];
  const actions = ['read', 'update', 'delete'];
  const users = [null, 'alice', 'bob', 'carol'];
  return instants.flatMap((at, i) =>
    Array.from({ length: 3 }, (_, j) =>
      event(tenant, {
        timestamp: iso(at),
        created_at: iso(at),
        action: actions[(i + j) % actions.length]!,
        user_id: users[(i * 3 + j) % users.length]!,
        severity: SEVERITIES[(i + 2 * j) % SEVERITIES.length]!,
      }),
    ),
  );
}

/**
 * Writes acme's and globex's edge events into `store` and `memory` alike, each tenant in two
 * batches, so the second adds to rollup rows the first made.
 */
export async function loadEdgeEvents(store: AuditStore, memory: MemoryStore): Promise<void> {
  for (const tenant of ['acme', 'globex']) {
    const events = edgeEvents(tenant);
    const half = Math.floor(events.length / 2);
    for (const batch of [events.slice(0, half), events.slice(half)]) {
      memory.insertEvents(tenant, batch);
      await store.insertEvents(tenant, batch);
    }
  }
}

const EDGE_RANGES: [start: number | null, end: number | null][] = [
  [null, null],
  // Two whole days; then the same with a partial hour at each end.
  [DAY_0, DAY_2 - 1],
  [DAY_0 + 1, DAY_2],
  // Hours only (no whole day inside), ending on the last millisecond of an hour.
  [DAY_0 + HOUR, DAY_1 + 2 * HOUR - 1],
  // An hour before the days, the days, an hour and a partial hour after them.
  [DAY_0 - HOUR, DAY_1 + HOUR + 1],
  [DAY_0 + HOUR / 2, null],
  [null, DAY_1 - 1],
  [null, DAY_1],
  // Inside one hour: no whole hour, all from the events.
  [DAY_0 + 600_000, DAY_0 + 1_200_000],
  // Either side of 1970.
  [-HOUR - 1, 0],
  [-1, 1],
  [-DAY, DAY_0 + 2 * HOUR - 1],
];

const EDGE_LISTS: Partial<EventFilter>[] = [
  {},
  { actions: ['read'] },
  { exclude_actions: ['delete'] },
  { user_ids: ['bob', 'carol'] },
  { exclude_user_ids: ['alice'] },
  // Another field's list: the facet rollups cannot apply it.
  { severities: ['info', 'error'] },
];

/** Every edge range with each kind of list, as filters. */
export const EDGE_FILTERS: EventFilter[] = EDGE_RANGES.flatMap(([start, end]) =>
  EDGE_LISTS.map((lists) => ({
    ...ANY,
    ...lists,
    ...(start !== null && { start_date: iso(start) }),
    ...(end !== null && { end_date: iso(end) }),
  })),
);

/**
 * Checks every field's facets and total over `EDGE_FILTERS` against `memory`, both holding
 * the same events of `tenant`; most filters must match some events.
 */
export async function expectFacetsAgreeAtEdges(
  store: AuditStore,
  memory: MemoryStore,
  tenant: string,
): Promise<void> {
  let nonEmpty = 0;
  for (const filter of EDGE_FILTERS) {
    const expected = memory.facets(tenant, filter, FACET_FIELDS, 10);
    if (expected.total > 0) nonEmpty += 1;
    expect(await store.facets(tenant, filter, FACET_FIELDS, 10), JSON.stringify(filter)).toEqual(
      expected,
    );
  }
  expect(nonEmpty).toBeGreaterThan(EDGE_FILTERS.length * 0.7);
}
