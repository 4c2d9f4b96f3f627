import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { AuditLogClient } from '../../../src/client/index.js';
import {
  AuditEventQueue,
  memoryQueueStorage,
  waitUntilDrained,
} from '../../../src/client/queue/index.js';
import { createAuditLogApp } from '../../../src/server/app.js';
import { DEMO_API_KEYS, seedDemoData } from '../../../src/server/seed.js';
import { MemoryStore } from '../../../src/server/store/memory-store.js';

const TOTAL = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The reference API over HTTP on one port, which can be taken down and brought back. */
async function outageableServer(failRate: number) {
  const store = new MemoryStore();
  await seedDemoData(store, { eventsPerTenant: 0, passwordIterations: 1000 });
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const app = createAuditLogApp({ store, failRate, random });
  let server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const down = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  const up = async () => {
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
  };
  return { store, baseUrl: `http://127.0.0.1:${port}`, down, up };
}

describe('durable delivery soak', () => {
  it('delivers 10,000 events exactly once through 30% failures, two outages and a reload', async () => {
    const server = await outageableServer(0.3);
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      apiKey: DEMO_API_KEYS.acme,
      tenantId: 'acme',
      maxRetries: 1,
      retryDelay: 10,
      timeout: 5000,
    });
    const storage = memoryQueueStorage(); // one storage across the "reload", as a page's IndexedDB is
    const options = {
      client,
      storage,
      batchSize: 200,
      flushDelay: 0,
      retryDelay: 50,
      maxRetryDelay: 400,
    };
    const enqueue = async (queue: AuditEventQueue, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await queue.enqueue({
          event_type: 'data_modification',
          resource_type: 'soak',
          action: 'update',
          severity: 'info',
          description: `Soak event ${i}`,
          resource_id: `soak-${i}`,
        });
      }
    };

    let queue = await AuditEventQueue.open(options);
    await enqueue(queue, 0, 3000);
    await sleep(200);
    await server.down(); // first outage
    await enqueue(queue, 3000, 5000);
    await sleep(2500);
    await server.up();
    await sleep(300);
    queue.close(); // the page reloads mid-way, a batch possibly in flight
    queue = await AuditEventQueue.open(options);
    await enqueue(queue, 5000, 8000);
    await server.down(); // second outage
    await sleep(2500);
    await server.up();
    await enqueue(queue, 8000, TOTAL);
    expect(await waitUntilDrained(queue, 60_000)).toBe(true);
    queue.close();

    const { items, total } = await server.store.queryEvents(
      'acme',
      { resource_types: ['soak'], sort_by: 'timestamp', sort_order: 'asc' },
      { offset: 0, limit: TOTAL * 2 },
    );
    const ids = new Set(items.map((event) => event.resource_id));
    expect({ total, distinct: ids.size, failed: queue.getState().failed.length }).toEqual({
      total: TOTAL,
      distinct: TOTAL,
      failed: 0,
    });
    await server.down();
  }, 120_000);
});
