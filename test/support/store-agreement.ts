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
