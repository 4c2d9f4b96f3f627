import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  AuditLogClient,
  AuthenticationError,
  type AuditLogEventInput,
} from '../../../src/client/index.js';
import {
  AuditEventQueue,
  indexedDbQueueStorage,
  type HeldQueueEvents,
} from '../../../src/client/queue/index.js';
import {
  createAuditLogTestServer,
  DEMO_API_KEYS,
  DEMO_PASSWORD,
} from '../../../src/server/index.js';

const RESOURCE = 'queue-owner-test';

const event = (label: string): AuditLogEventInput => ({
  event_type: 'user_action',
  resource_type: RESOURCE,
  resource_id: label,
  action: 'save',
  severity: 'info',
  description: `Queued ${label}`,
});

let databases = 0;
const freshStorage = () => indexedDbQueueStorage(`owners-${Date.now()}-${databases++}`);

/** One browser's client (one token store), signing different people in and out of it. */
async function setup(wrap?: (inner: typeof fetch) => typeof fetch) {
  const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 0 } });
  const client = new AuditLogClient({
    baseUrl: server.baseUrl,
    fetch: wrap ? wrap(server.fetch) : server.fetch,
    retryDelay: 0,
  });
  /** Signs in and answers the user's id, which the server writes on their events. */
  const signIn = async (username: string, tenant: string) => {
    await client.login({ username, password: DEMO_PASSWORD, tenant_id: tenant });
    return (await client.getCurrentUser()).id;
  };
  /** What each tenant stored from these tests: resource id → the user it is attributed to. */
  const stored = async (tenant: 'acme' | 'globex') => {
    const reader = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      apiKey: DEMO_API_KEYS[tenant],
      tenantId: tenant,
    });
    const events = await reader.listEvents({ resource_types: [RESOURCE] }, { limit: 1000 });
    return events.map((e) => `${e.resource_id} by ${e.user_id}`).sort();
  };
  return { server, client, signIn, stored };
}

/**
 * A fetch wrapper that records each batch attempt's Authorization and answers the first
 * with 503 after running `before503` (a sign-out and sign-in while the send is under way).
 */
function failFirstBatchAfter() {
  const attempts: (string | null)[] = [];
  let pending: (() => Promise<void>) | undefined;
  const wrap =
    (inner: typeof fetch): typeof fetch =>
    async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.endsWith('/events/batch')) return inner(request);
      attempts.push(request.headers.get('Authorization'));
      const run = pending;
      pending = undefined;
      if (!run) return inner(request);
      await run();
      return Response.json({ error: 'unavailable', message: 'Try again' }, { status: 503 });
    };
  /** Arms the first batch; answers a promise that settles once `step` has run. */
  const before503 = (step: () => Promise<void>) =>
    new Promise<void>((resolve, reject) => {
      pending = () => step().then(resolve, reject);
    });
  return { wrap, attempts, before503 };
}

describe('the durable queue sends each event only as whoever queued it', () => {
  it("never delivers acme's queued events into globex when globex's writer signs in next", async () => {
    const { client, signIn, stored } = await setup();
    const storage = freshStorage();
    await signIn('writer', 'acme');
    const queue = await AuditEventQueue.open({ client, storage, autoFlush: false });
    for (const label of ['a1', 'a2', 'a3']) await queue.enqueue(event(label));
    await client.logout();

    await signIn('writer', 'globex');
    await queue.flush();
    queue.close();
    // A reload with globex still signed in: the stored acme events stay unread and unsent.
    const reloaded = await AuditEventQueue.open({ client, storage, autoFlush: false });
    expect(reloaded.getState().pending).toBe(0);
    await reloaded.flush();
    expect(await stored('globex')).toEqual([]);
    expect(await stored('acme')).toEqual([]);

    await client.logout();
    const writer = await signIn('writer', 'acme');
    await reloaded.flush();
    expect(await stored('acme')).toEqual([`a1 by ${writer}`, `a2 by ${writer}`, `a3 by ${writer}`]);
    expect(await stored('globex')).toEqual([]);
  });

  it("does not send one user's events as another user of the same tenant", async () => {
    const { client, signIn, stored } = await setup();
    const storage = freshStorage();
    await signIn('writer', 'acme');
    const first = await AuditEventQueue.open({ client, storage, autoFlush: false });
    await first.enqueue(event('w1'));
    first.close();
    await client.logout();

    const manager = await signIn('manager', 'acme');
    const second = await AuditEventQueue.open({ client, storage, autoFlush: false });
    await second.enqueue(event('m1'));
    await second.flush();
    expect(await stored('acme')).toEqual([`m1 by ${manager}`]);

    await client.logout();
    const writer = await signIn('writer', 'acme');
    await second.flush();
    expect(await stored('acme')).toEqual([`m1 by ${manager}`, `w1 by ${writer}`]);
  });

  it('tells the app on sign-out and keeps the events until the same user returns', async () => {
    const { client, signIn, stored } = await setup();
    const onSignOut = vi.fn<(held: HeldQueueEvents) => void>();
    await signIn('writer', 'acme');
    const queue = await AuditEventQueue.open({
      client,
      storage: freshStorage(),
      autoFlush: false,
      onSignOut,
    });
    await queue.enqueue(event('k1'));
    await queue.enqueue(event('k2'));
    const owner = queue.getState().owner!;
    expect(owner.tenantId).toBe('acme');
    expect(owner.id).toMatch(/^user:/);

    await client.logout();
    const held = { tenantId: 'acme', principal: owner.id, count: 2, action: 'kept' };
    await vi.waitFor(() => expect(queue.getState().held).toEqual(held));
    expect(onSignOut).toHaveBeenCalledExactlyOnceWith(held);
    expect(queue.getState()).toMatchObject({ owner: null, pending: 0 });
    await expect(queue.enqueue(event('nobody'))).rejects.toThrow(AuthenticationError);

    await signIn('writer', 'acme');
    await vi.waitFor(() => expect(queue.getState()).toMatchObject({ pending: 2, held: null }));
    await queue.flush();
    expect((await stored('acme')).length).toBe(2);
  });

  it('discards a signed-out user’s events when the host asks, and sends none of them later', async () => {
    const { client, signIn, stored } = await setup();
    const storage = freshStorage();
    await signIn('writer', 'acme');
    const queue = await AuditEventQueue.open({
      client,
      storage,
      autoFlush: false,
      afterSignOut: 'discard',
    });
    await queue.enqueue(event('d1'));
    const owner = queue.getState().owner!;
    await client.logout();
    await vi.waitFor(() => expect(queue.getState().held?.action).toBe('discarded'));
    expect(await storage.load(owner)).toEqual([]);

    await signIn('writer', 'acme');
    await queue.flush();
    queue.close();
    const reloaded = await AuditEventQueue.open({ client, storage, autoFlush: false });
    await reloaded.flush();
    expect(await stored('acme')).toEqual([]);
  });

  it('stops a batch whose retry would go out after someone else signed in', async () => {
    const batches = failFirstBatchAfter();
    const { client, signIn, stored } = await setup(batches.wrap);
    await signIn('writer', 'acme');
    const queue = await AuditEventQueue.open({ client, storage: freshStorage(), autoFlush: false });
    await queue.enqueue(event('r1'));
    // Before the first attempt's 503 comes back, acme's writer signs out and globex's in.
    const switched = batches.before503(async () => {
      await client.logout();
      await signIn('writer', 'globex');
    });
    await queue.flush();
    await switched;
    expect(batches.attempts).toHaveLength(1);
    expect(await stored('globex')).toEqual([]);
    expect(await stored('acme')).toEqual([]);
  });

  it('discards for good: a retry pending at sign-out does not go out when the same user returns', async () => {
    const batches = failFirstBatchAfter();
    const { client, signIn, stored } = await setup(batches.wrap);
    await signIn('writer', 'acme');
    const queue = await AuditEventQueue.open({
      client,
      storage: freshStorage(),
      autoFlush: false,
      afterSignOut: 'discard',
    });
    await queue.enqueue(event('gone'));
    const returned = batches.before503(async () => {
      await client.logout();
      await signIn('writer', 'acme');
    });
    await queue.flush();
    await returned;
    await vi.waitFor(() => expect(queue.getState().owner).not.toBeNull());
    await queue.flush();
    expect(queue.getState()).toMatchObject({ pending: 0, held: null });
    expect(batches.attempts).toHaveLength(1);
    expect(await stored('acme')).toEqual([]);
  });

  it("keeps API-key clients of two tenants apart over one browser's storage", async () => {
    const { server } = await setup();
    const storage = freshStorage();
    const keyClient = (tenant: 'acme' | 'globex') =>
      new AuditLogClient({
        baseUrl: server.baseUrl,
        fetch: server.fetch,
        apiKey: DEMO_API_KEYS[tenant],
        tenantId: tenant,
      });
    const acme = keyClient('acme');
    const acmeQueue = await AuditEventQueue.open({ client: acme, storage, autoFlush: false });
    await acmeQueue.enqueue(event('key-a'));
    acmeQueue.close();

    const globex = keyClient('globex');
    const globexQueue = await AuditEventQueue.open({ client: globex, storage, autoFlush: false });
    expect(globexQueue.getState().pending).toBe(0);
    await globexQueue.flush();
    expect(await globex.listEvents({ resource_types: [RESOURCE] }, { limit: 10 })).toEqual([]);

    // Filed under the key's fingerprint, never the key itself.
    const owner = (await acme.principal())!;
    const records = await storage.load(owner);
    expect(records).toHaveLength(1);
    expect(JSON.stringify(records)).not.toContain(DEMO_API_KEYS.acme);
    expect(owner.id).toMatch(/^key:[0-9a-f]{32}$/);

    const again = await AuditEventQueue.open({ client: acme, storage, autoFlush: false });
    await again.flush();
    expect(
      (await acme.listEvents({ resource_types: [RESOURCE] }, { limit: 10 })).map(
        (e) => e.resource_id,
      ),
    ).toEqual(['key-a']);
  });
});
