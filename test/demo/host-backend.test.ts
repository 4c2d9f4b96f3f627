import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostBackend } from '../../demo/host/host-backend.js';
import { HOST_PASSWORD, HOST_USERS } from '../../demo/host/host-users.js';
import { provisionEmbedKeys } from '../../demo/host/provision-embed-keys.js';
import { AuditLogClient } from '../../src/client/index.js';
import { seedDemoData } from '../../src/server/seed.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import { startHttpServer, type RunningServer } from '../support/http-server.js';

// The host demo's backend as a host would run it: its own sign-in in front of the audit API
// over real HTTP, minting and ending viewer sessions with a provisioned embed key.
let api: RunningServer;
let handle: ReturnType<typeof createHostBackend>;
const HOST = 'http://host.test';

beforeAll(async () => {
  const store = new MemoryStore();
  await seedDemoData(store, { eventsPerTenant: 200, passwordIterations: 1000 });
  api = await startHttpServer('memory', { store });
  handle = createHostBackend({
    auditBaseUrl: api.baseUrl,
    embedKeys: await provisionEmbedKeys(api.baseUrl, ['acme', 'globex']),
  });
});
afterAll(() => api.close());

async function call(method: string, path: string, init: RequestInit = {}): Promise<Response> {
  const answer = await handle(new Request(`${HOST}${path}`, { method, ...init }));
  if (!answer) throw new Error(`${path} is not the host backend's`);
  return answer;
}

async function signIn(username: string, password = HOST_PASSWORD) {
  const answer = await call('POST', '/host/sign-in', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = answer.headers.get('Set-Cookie') ?? '';
  return { answer, cookie, session: { Cookie: cookie.split(';')[0]! } };
}

const asViewer = (token: string) =>
  new AuditLogClient({ baseUrl: api.baseUrl, accessToken: token, maxRetries: 0 });

describe('the host demo backend', () => {
  it('leaves paths that are not its own to the next handler', async () => {
    expect(await handle(new Request(`${HOST}/api/v1/audit/events`))).toBeNull();
  });

  it('refuses a wrong password and keeps its cookie out of page scripts and the audit API', async () => {
    expect((await signIn('dana', 'audit-demo')).answer.status).toBe(401);
    expect((await call('GET', '/host/me')).status).toBe(401);
    expect((await call('POST', '/host/audit-session')).status).toBe(401);

    const { answer, cookie } = await signIn('dana');
    expect(answer.status).toBe(200);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/host(;|$)/);
    // What the page learns about its user holds no credential of any kind.
    expect(JSON.stringify(await answer.json())).not.toMatch(/alk_|password|token/i);
  });

  it('mints a session that reads only the host user’s tenant and scope', async () => {
    const { session } = await signIn('lee');
    const minted = await call('POST', '/host/audit-session', { headers: session });
    expect(minted.status).toBe(200);
    const { access_token } = (await minted.json()) as { access_token: string };
    const seen = await asViewer(access_token).queryEvents({}, { size: 100 });
    const lee = HOST_USERS.find((user) => user.username === 'lee')!;
    expect(seen.total).toBeGreaterThan(0);
    expect(new Set(seen.items.map((event) => event.tenant_id))).toEqual(new Set([lee.tenantId]));
    for (const event of seen.items) expect(lee.scope.severities).toContain(event.severity);
    const info = await asViewer(access_token).getSession();
    expect(info).toMatchObject({ kind: 'viewer', tenant_id: 'globex', subject: { id: 'lee' } });
    // Lee may not export: the session carries read only.
    expect(info.permissions).toEqual(['read']);
  });

  it('ends every session of the sign-in at once, and mints no new one after', async () => {
    const { session } = await signIn('dana');
    const tokens = await Promise.all(
      ['log', 'access'].map(async (view) => {
        const answer = await call('POST', `/host/audit-session?view=${view}`, { headers: session });
        return ((await answer.json()) as { access_token: string }).access_token;
      }),
    );
    for (const token of tokens) await asViewer(token).queryEvents({}, { size: 1 });

    expect((await call('DELETE', '/host/audit-session', { headers: session })).status).toBe(204);
    for (const token of tokens) {
      await expect(asViewer(token).queryEvents({}, { size: 1 })).rejects.toMatchObject({
        name: 'AuthenticationError',
      });
    }
    expect((await call('POST', '/host/audit-session', { headers: session })).status).toBe(403);
    expect(await (await call('GET', '/host/me', { headers: session })).json()).toMatchObject({
      auditEnded: true,
    });
  });

  it('signing out ends the sign-in and its sessions', async () => {
    const { session } = await signIn('dana');
    const answer = await call('POST', '/host/audit-session', { headers: session });
    const { access_token } = (await answer.json()) as { access_token: string };
    expect((await call('POST', '/host/sign-out', { headers: session })).status).toBe(204);
    expect((await call('GET', '/host/me', { headers: session })).status).toBe(401);
    await expect(asViewer(access_token).queryEvents({}, { size: 1 })).rejects.toMatchObject({
      name: 'AuthenticationError',
    });
  });
});
