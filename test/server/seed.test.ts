import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../demo/server/sqlite-store.js';
import { EVENT_TYPES, SEVERITIES, type AuditLogEvent } from '../../src/contract/schemas/index.js';
import { hashApiKey } from '../../src/server/auth/api-keys.js';
import { verifyPassword } from '../../src/server/auth/passwords.js';
import {
  DEMO_API_KEYS,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  seedDemoData,
  type SeedOptions,
} from '../../src/server/seed.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import type { EventFilter } from '../../src/server/store/types.js';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;
const ALL: EventFilter = { sort_by: 'timestamp', sort_order: 'asc' };
const SMALL: SeedOptions = { eventsPerTenant: 500, passwordIterations: 1000, now: NOW, seed: 7 };

async function seeded(options: SeedOptions = SMALL) {
  const store = new MemoryStore();
  const result = await seedDemoData(store, options);
  return { store, result };
}

/** A tenant's events without their random ids, in an order that does not depend on them. */
function content(store: MemoryStore, tenant: string): string[] {
  return [...store.streamEvents(tenant, ALL)]
    .map((event) => JSON.stringify({ ...event, id: undefined }))
    .sort();
}

describe('seedDemoData', () => {
  it('writes the same events for the same seed and clock, and other events for another seed', async () => {
    const first = await seeded();
    const second = await seeded();
    const other = await seeded({ ...SMALL, seed: 8 });
    for (const tenant of DEMO_TENANTS) {
      expect(content(second.store, tenant)).toEqual(content(first.store, tenant));
      expect(content(other.store, tenant)).not.toEqual(content(first.store, tenant));
    }
  });

  it('shows every event type and every severity in every tenant', async () => {
    const { store } = await seeded();
    for (const tenant of DEMO_TENANTS) {
      const summary = store.summarize(tenant, ALL, null);
      expect(summary.total_count).toBe(500);
      for (const type of EVENT_TYPES) expect(summary.event_types[type], type).toBeGreaterThan(0);
      for (const severity of SEVERITIES) {
        expect(summary.severities[severity], severity).toBeGreaterThan(0);
      }
      // Critical stays rare, as in a real log.
      expect(summary.severities.critical!).toBeLessThan(summary.total_count / 20);
    }
  });

  it('spreads events over the last 30 days, busier in office hours, never in the future', async () => {
    const { store } = await seeded({ ...SMALL, eventsPerTenant: 3000 });
    const events = [...store.streamEvents('acme', ALL)];
    expect(Date.parse(events[0]!.timestamp)).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    expect(Date.parse(events.at(-1)!.timestamp)).toBeLessThanOrEqual(NOW);
    const hourOf = (event: AuditLogEvent) => new Date(event.timestamp).getUTCHours();
    const office = events.filter((event) => hourOf(event) >= 9 && hourOf(event) < 17).length;
    const night = events.filter((event) => hourOf(event) >= 0 && hourOf(event) < 8).length;
    expect(office).toBeGreaterThan(2 * night);
  });

  it('chains the events of one request under one correlation and session id, seconds apart', async () => {
    const { store } = await seeded();
    const byCorrelation = new Map<string, AuditLogEvent[]>();
    for (const event of store.streamEvents('acme', ALL)) {
      if (event.correlation_id === null) continue;
      byCorrelation.set(event.correlation_id, [
        ...(byCorrelation.get(event.correlation_id) ?? []),
        event,
      ]);
    }
    const chains = [...byCorrelation.values()].filter((chain) => chain.length >= 3);
    expect(chains.length).toBeGreaterThan(5);
    for (const chain of chains) {
      expect(new Set(chain.map((event) => event.session_id)).size).toBe(1);
      const span = Date.parse(chain.at(-1)!.timestamp) - Date.parse(chain[0]!.timestamp);
      expect(span).toBeLessThan(60_000);
    }
  });

  it('records what a data modification changed', async () => {
    const { store } = await seeded();
    const changes = [...store.streamEvents('acme', { ...ALL, event_types: ['data_modification'] })];
    expect(changes.some((event) => event.metadata?.before && event.metadata.after)).toBe(true);
  });

  it('creates logins that accept the demo password, and working API keys', async () => {
    const { store, result } = await seeded({ ...SMALL, eventsPerTenant: 0 });
    expect(result.seeded).toBe(true);
    for (const tenant of DEMO_TENANTS) {
      const admin = store.findUserByUsername(tenant, 'admin')!;
      expect(admin.roles).toEqual(['tenant_admin']);
      expect(await verifyPassword(DEMO_PASSWORD, admin.password_hash)).toBe(true);
      const key = store.findApiKeyByHash(await hashApiKey(DEMO_API_KEYS[tenant]))!;
      expect(key).toMatchObject({ tenant_id: tenant, created_by: admin.id, is_active: true });
      expect([...key.permissions].sort()).toEqual(['export', 'read', 'write']);
    }
    expect(store.findUserByUsername('acme', 'root')?.roles).toEqual(['system_admin']);
    expect(store.findUserByUsername('globex', 'root')).toBeNull();
  });

  it('leaves a store that already has users alone and says so', async () => {
    const store = new SqliteStore(':memory:');
    try {
      expect((await seedDemoData(store, { ...SMALL, eventsPerTenant: 100 })).seeded).toBe(true);
      const again = await seedDemoData(store, { ...SMALL, eventsPerTenant: 100 });
      expect(again.seeded).toBe(false);
      expect(store.countUsers()).toBe(13);
      expect(store.countEvents('acme', ALL)).toBe(100);
    } finally {
      store.close();
    }
  });
});
