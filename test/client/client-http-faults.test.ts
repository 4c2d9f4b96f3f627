import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogClient, type AuditLogEventInput } from '../../src/client/index.js';
import { DEMO_API_KEYS, seedDemoData } from '../../src/server/seed.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import { startHttpServer, type RunningServer } from '../support/http-server.js';

/** A seeded PRNG, so the 30% of failed requests are the same on every run. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server: RunningServer;
let apiKey: string;

beforeAll(async () => {
  const store = new MemoryStore();
  await seedDemoData(store, { eventsPerTenant: 0, passwordIterations: 1000 });
  server = await startHttpServer('memory', { store, failRate: 0.3, random: mulberry32(42) });
  apiKey = DEMO_API_KEYS.acme;
});
afterAll(() => server.close());

const event = (marker: string, i: number): AuditLogEventInput => ({
  event_type: 'api_call',
  resource_type: 'order',
  action: 'create',
  severity: 'info',
  description: `Order ${i} created`,
  correlation_id: marker,
  resource_id: `${marker}-${i}`,
});

describe('writes over real HTTP while 30% of requests fail with 503', () => {
  it('land exactly once each, single and batched', async () => {
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      apiKey,
      tenantId: 'acme',
      retryDelay: 1,
      maxRetries: 10,
    });
    const marker = `faults-${Date.now()}`;
    const singles = await Promise.all(
      Array.from({ length: 150 }, (_, i) => client.createEvent(event(marker, i))),
    );
    const batched = await client.createEventsBatch(
      Array.from({ length: 1850 }, (_, i) => event(marker, 150 + i)),
      { chunkSize: 100, concurrency: 4 },
    );
    expect(singles).toHaveLength(150);
    expect(batched).toHaveLength(1850);

    const stored = await client.listEvents({ correlation_ids: [marker] }, { limit: 5000 });
    expect(stored).toHaveLength(2000);
    const ids = new Set(stored.map((e) => e.resource_id));
    expect(ids.size).toBe(2000);
    for (let i = 0; i < 2000; i++) expect(ids.has(`${marker}-${i}`)).toBe(true);
  });
});
