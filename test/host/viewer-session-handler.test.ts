import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogClient, AuthenticationError } from 'audit-log-sdk';
import {
  createViewerSession,
  createViewerSessionHandler,
  revokeViewerSession,
  type ViewerGrant,
} from 'audit-log-sdk/server';
import { createAuditLogTestServer, type AuditLogTestServer } from 'audit-log-sdk/testing';
import type { ViewerSessionResponse } from '../../src/contract/schemas/index.js';

let server: AuditLogTestServer;
let embedKey: string;

beforeAll(async () => {
  server = await createAuditLogTestServer({ seed: { eventsPerTenant: 60 } });
  const admin = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
  await admin.login({ username: 'admin', password: 'audit-demo', tenant_id: 'acme' });
  const created = await admin.createApiKey({
    name: 'host',
    permissions: ['read', 'export', 'embed'],
  });
  embedKey = created.key!;
});

/** A browser-side client holding only the viewer token, as an embedded viewer would. */
const viewerClient = (token: string) =>
  new AuditLogClient({
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    accessToken: token,
    maxRetries: 0,
  });

describe('createViewerSession', () => {
  it('mints a token that reads only its scope, and revokeViewerSession ends it', async () => {
    const credentials = {
      baseUrl: server.baseUrl,
      apiKey: embedKey,
      tenantId: 'acme',
      fetch: server.fetch,
    };
    const session = await createViewerSession({
      ...credentials,
      subject: { id: 'customer-42', display_name: 'Dana' },
      scope: { severities: ['error', 'critical'] },
      ttlSeconds: 300,
    });
    expect(session.expires_in).toBe(300);
    const viewer = viewerClient(session.access_token);
    const page = await viewer.queryEvents({}, { size: 100 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((event) => ['error', 'critical'].includes(event.severity))).toBe(true);
    expect(await viewer.getSession()).toMatchObject({
      kind: 'viewer',
      tenant_id: 'acme',
      permissions: ['read'],
      subject: { id: 'customer-42', display_name: 'Dana' },
    });

    await revokeViewerSession({ ...credentials, sessionId: session.session_id });
    await expect(viewer.queryEvents()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('createViewerSessionHandler', () => {
  // The host's own sign-in: a cookie naming one of its users.
  const HOST_USERS: Record<string, ViewerGrant> = {
    alice: {
      subject: { id: 'alice', email: 'alice@customer.example' },
      scope: { resource_types: ['invoice'] },
    },
  };
  const handler = () =>
    createViewerSessionHandler({
      baseUrl: server.baseUrl,
      apiKey: embedKey,
      tenantId: 'acme',
      fetch: server.fetch,
      authorize: (request) => {
        const user = /host_user=(\w+)/.exec(request.headers.get('Cookie') ?? '')?.[1];
        return (user && HOST_USERS[user]) || null;
      },
    });
  const post = (headers: Record<string, string> = {}) =>
    new Request('https://host.example/audit/session', { method: 'POST', headers });

  it("answers the signed-in host user's viewer session, never the API key", async () => {
    const answer = await handler()(
      post({ Cookie: 'host_user=alice', 'Sec-Fetch-Site': 'same-origin' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const text = await answer.text();
    expect(text).not.toContain(embedKey);
    const session = JSON.parse(text) as ViewerSessionResponse;
    expect(Object.keys(session).sort()).toEqual(
      ['access_token', 'expires_at', 'expires_in', 'session_id', 'token_type'].sort(),
    );
    const page = await viewerClient(session.access_token).queryEvents({}, { size: 100 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((event) => event.resource_type === 'invoice')).toBe(true);
  });

  it('refuses a visitor the host does not know, other methods and other sites', async () => {
    const refused = [
      [await handler()(post()), 403],
      [await handler()(post({ Cookie: 'host_user=mallory' })), 403],
      [
        await handler()(
          new Request('https://host.example/audit/session', {
            headers: { Cookie: 'host_user=alice' },
          }),
        ),
        405,
      ],
      [await handler()(post({ Cookie: 'host_user=alice', 'Sec-Fetch-Site': 'cross-site' })), 403],
    ] as const;
    for (const [answer, status] of refused) {
      expect(answer.status).toBe(status);
      expect(await answer.json()).toMatchObject({ message: expect.any(String) });
    }
  });

  it('says only that the audit service failed when it refuses the key', async () => {
    const badKey = 'alk_not-a-real-key-0000000000000000';
    const failing = createViewerSessionHandler({
      baseUrl: server.baseUrl,
      apiKey: () => badKey,
      tenantId: 'acme',
      fetch: server.fetch,
      authorize: () => HOST_USERS.alice!,
    });
    const answer = await failing(post());
    expect(answer.status).toBe(502);
    const text = await answer.text();
    expect(text).not.toContain(badKey);
    expect(JSON.parse(text)).toEqual({
      error: 'server_error',
      message: 'The audit service could not start a session',
    });
  });
});
