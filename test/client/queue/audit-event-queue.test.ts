import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  AuditLogClient,
  QueueFullError,
  ValidationError,
  type AuditLogEventInput,
} from '../../../src/client/index.js';
import {
  AuditEventQueue,
  indexedDbQueueStorage,
  memoryQueueStorage,
  waitUntilDrained,
} from '../../../src/client/queue/index.js';
import { createAuditLogTestServer, DEMO_API_KEYS } from '../../../src/server/index.js';

const event = (i: number, extra: Partial<AuditLogEventInput> = {}): AuditLogEventInput => ({
  event_type: 'user_action',
  resource_type: 'form',
  action: 'save',
  severity: 'info',
  description: `Queued event ${i}`,
  resource_id: `q-${i}`,
  ...extra,
});

async function setup(fetchWrapper?: (inner: typeof fetch) => typeof fetch) {
  const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 0 } });
  const client = new AuditLogClient({
    baseUrl: server.baseUrl,
    fetch: fetchWrapper ? fetchWrapper(server.fetch) : server.fetch,
    apiKey: DEMO_API_KEYS.acme,
    tenantId: 'acme',
    retryDelay: 0,
    maxRetries: 0,
  });
  const stored = async () =>
    (await client.listEvents({ resource_types: ['form'] }, { limit: 100_000 })).map(
      (e) => e.resource_id,
    );
  return { server, client, stored };
}

describe('AuditEventQueue', () => {
  it('returns from enqueue at once and sends in batches later', async () => {
    const { client, stored } = await setup();
    const queue = await AuditEventQueue.open({
      client,
      storage: memoryQueueStorage(),
      batchSize: 10,
      autoFlush: false,
    });
    for (let i = 0; i < 25; i++) await queue.enqueue(event(i));
    expect(queue.getState().pending).toBe(25);
    expect(await stored()).toHaveLength(0);
    await queue.flush();
    expect(queue.getState().pending).toBe(0);
    expect((await stored()).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `q-${i}`).sort());
  });

  it('keeps when an event happened, not when it was finally sent', async () => {
    const { client } = await setup();
    const queue = await AuditEventQueue.open({
      client,
      storage: memoryQueueStorage(),
      autoFlush: false,
    });
    await queue.enqueue(event(1));
    const enqueuedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await queue.flush();
    const [sent] = await client.listEvents({ resource_types: ['form'] }, { limit: 1 });
    expect(Date.parse(sent!.timestamp)).toBeLessThanOrEqual(enqueuedAt);
  });

  it('refuses an invalid event at enqueue, naming the field, and queues nothing', async () => {
    const { client } = await setup();
    const queue = await AuditEventQueue.open({
      client,
      storage: memoryQueueStorage(),
      autoFlush: false,
    });
    await expect(queue.enqueue({ ...event(1), severity: 'loud' as 'info' })).rejects.toThrow(
      ValidationError,
    );
    expect(queue.getState().pending).toBe(0);
  });

  it('reports an event the server refuses for good, with the reason, and sends the rest', async () => {
    const { client, stored } = await setup((inner) => async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      if (request.method !== 'POST') return inner(request);
      const body = (await request.clone().json()) as { audit_logs?: { resource_id: string }[] };
      const bad = body.audit_logs?.findIndex((e) => e.resource_id === 'q-3') ?? -1;
      if (bad >= 0) {
        return Response.json(
          {
            error: 'validation_error',
            message: 'Invalid',
            details: { [`audit_logs.${bad}.resource_id`]: 'Not allowed' },
          },
          { status: 400 },
        );
      }
      return inner(request);
    });
    const queue = await AuditEventQueue.open({
      client,
      storage: memoryQueueStorage(),
      batchSize: 5,
      autoFlush: false,
    });
    for (let i = 0; i < 8; i++) await queue.enqueue(event(i));
    await queue.flush();
    const state = queue.getState();
    expect(state.pending).toBe(0);
    expect(state.failed).toHaveLength(1);
    expect(state.failed[0]).toMatchObject({
      event: { resource_id: 'q-3' },
      code: 'validation_error',
    });
    expect(await stored()).toHaveLength(7);
    await queue.discardFailed();
    expect(queue.getState().failed).toHaveLength(0);
  });

  it('refuses new events when full, or drops the oldest and says which', async () => {
    const { client } = await setup();
    const strict = await AuditEventQueue.open({
      client,
      storage: memoryQueueStorage(),
      maxSize: 3,
      autoFlush: false,
    });
    for (let i = 0; i < 3; i++) await strict.enqueue(event(i));
    await expect(strict.enqueue(event(3))).rejects.toThrow(QueueFullError);

    const onOverflow = vi.fn();
    const lenient = await AuditEventQueue.open({
      client,
      storage: memoryQueueStorage(),
      maxSize: 3,
      overflow: 'drop-oldest',
      onOverflow,
      autoFlush: false,
    });
    for (let i = 0; i < 5; i++) await lenient.enqueue(event(i));
    expect(
      onOverflow.mock.calls.flat(2).map((e: { resource_id: string }) => e.resource_id),
    ).toEqual(['q-0', 'q-1']);
    expect(lenient.getState()).toMatchObject({ pending: 3, dropped: 2 });
  });

  it('backs off while the server is down and delivers once it is back', async () => {
    let down = true;
    const { client, stored } = await setup(
      (inner) => (input, init) =>
        down ? Promise.reject(new TypeError('connection refused')) : inner(input, init),
    );
    const queue = await AuditEventQueue.open({
      client,
      storage: memoryQueueStorage(),
      flushDelay: 0,
      retryDelay: 20,
      maxRetryDelay: 40,
    });
    await queue.enqueue(event(1));
    await vi.waitFor(() => expect(queue.getState().lastError?.name).toBe('NetworkError'));
    expect(queue.getState().nextAttemptAt).not.toBeNull();
    down = false;
    expect(await waitUntilDrained(queue, 2000)).toBe(true);
    expect(queue.getState().lastError).toBeNull();
    expect(await stored()).toEqual(['q-1']);
    queue.close();
  });

  it('resends a batch whose answer was lost under the same key after a reload, storing it once', async () => {
    let lose = true;
    const { client, stored } = await setup((inner) => async (input, init) => {
      const response = await inner(input, init);
      if (lose) {
        lose = false;
        throw new TypeError('the page went away before the answer came');
      }
      return response;
    });
    const storage = memoryQueueStorage();
    const before = await AuditEventQueue.open({ client, storage, batchSize: 50, autoFlush: false });
    for (let i = 0; i < 20; i++) await before.enqueue(event(i));
    await before.flush();
    before.close();
    expect(await stored()).toHaveLength(20); // stored, but the queue never heard

    const after = await AuditEventQueue.open({ client, storage, autoFlush: false });
    expect(after.getState().pending).toBe(20);
    await after.flush();
    expect(after.getState().pending).toBe(0);
    expect(await stored()).toHaveLength(20);
  });

  it('keeps events in IndexedDB across queue instances', async () => {
    const { client, stored } = await setup();
    const storage = indexedDbQueueStorage(`test-${Date.now()}`);
    const first = await AuditEventQueue.open({ client, storage, autoFlush: false });
    for (let i = 0; i < 5; i++) await first.enqueue(event(i));
    first.close();
    const second = await AuditEventQueue.open({ client, storage, autoFlush: false });
    expect(second.getState()).toMatchObject({ pending: 5, storage: 'indexeddb' });
    await second.flush();
    expect(await stored()).toHaveLength(5);
    expect(await storage.load((await client.principal())!)).toEqual([]);
  });
});
