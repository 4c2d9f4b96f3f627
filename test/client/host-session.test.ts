import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuditLogClient,
  AuthenticationError,
  NetworkError,
  ResponseValidationError,
  ServerError,
  hostSessionToken,
  type AccessTokenGrant,
} from 'audit-log-sdk';
import { createViewerSession, revokeViewerSession } from 'audit-log-sdk/server';
import { createAuditLogTestServer, type AuditLogTestServer } from 'audit-log-sdk/testing';

let server: AuditLogTestServer;
let embedKey: string;

beforeAll(async () => {
  server = await createAuditLogTestServer({ seed: { eventsPerTenant: 20 } });
  const admin = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
  await admin.login({ username: 'admin', password: 'audit-demo', tenant_id: 'acme' });
  embedKey = (await admin.createApiKey({ name: 'host', permissions: ['read', 'embed'] })).key!;
});

const credentials = () => ({
  baseUrl: server.baseUrl,
  apiKey: embedKey,
  tenantId: 'acme',
  fetch: server.fetch,
});

/** A host backend minting real viewer sessions, counting how often it is asked. */
function host(ttlSeconds = 60) {
  const minted: string[] = [];
  const getAccessToken = vi.fn(async (): Promise<AccessTokenGrant> => {
    const session = await createViewerSession({
      ...credentials(),
      subject: { id: 'customer-1' },
      ttlSeconds,
    });
    minted.push(session.session_id);
    return session;
  });
  return { getAccessToken, minted };
}

describe('getAccessToken answering viewer sessions', () => {
  it('asks the host once for many requests, also when they start together', async () => {
    const { getAccessToken } = host();
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      getAccessToken,
    });
    await Promise.all(Array.from({ length: 8 }, () => client.queryEvents()));
    await client.getSummary();
    expect(getAccessToken).toHaveBeenCalledTimes(1);
  });

  it('asks again shortly before the session expires, not after', async () => {
    let clock = Date.now();
    const { getAccessToken } = host(60);
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      getAccessToken,
      now: () => clock,
    });
    await client.queryEvents();
    clock += 29_000;
    await client.queryEvents();
    expect(getAccessToken).toHaveBeenCalledTimes(1);
    // A 60 s session is renewed half-way, with time to spare.
    clock += 2_000;
    await client.queryEvents();
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('asks the host again when the API refuses a revoked session, and the request succeeds', async () => {
    const { getAccessToken, minted } = host();
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      getAccessToken,
    });
    await client.queryEvents();
    await revokeViewerSession({ ...credentials(), sessionId: minted[0]! });
    const page = await client.queryEvents();
    expect(page.total).toBeGreaterThan(0);
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('ends with a typed error, heard once, when the host refuses a new session', async () => {
    const { minted } = host();
    let refuse = false;
    const hostFetch = vi.fn(async () => {
      if (refuse) return new Response('{"error":"authorization_error"}', { status: 403 });
      const session = await createViewerSession({ ...credentials(), subject: { id: 'c-2' } });
      minted.push(session.session_id);
      return Response.json(session);
    });
    const onSessionExpired = vi.fn();
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      maxRetries: 0,
      getAccessToken: hostSessionToken('https://host.example/audit/session', { fetch: hostFetch }),
      onSessionExpired,
    });
    await client.queryEvents();
    refuse = true;
    await revokeViewerSession({ ...credentials(), sessionId: minted.at(-1)! });
    const failures = await Promise.allSettled([client.queryEvents(), client.getSummary()]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const error = (failure as PromiseRejectedResult).reason as AuthenticationError;
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.code).toBe('viewer_session_refused');
      expect(error.status).toBe(403);
    }
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(hostFetch).toHaveBeenCalledTimes(2);
  });
});

describe('hostSessionToken', () => {
  const ask = (answer: () => Response | Promise<Response>) => {
    const fetch = vi.fn<(url: string | URL | Request, init?: RequestInit) => Promise<Response>>(
      async () => answer(),
    );
    return {
      fetch,
      token: hostSessionToken('/audit/session', { fetch, headers: { 'X-CSRF': 't' } }),
    };
  };

  it("POSTs to the host with the host's cookies and reads the session", async () => {
    const session = {
      access_token: 'tok',
      token_type: 'bearer',
      expires_in: 60,
      expires_at: new Date().toISOString(),
      session_id: 's',
    };
    const { fetch, token } = ask(() => Response.json(session));
    expect(await token()).toEqual(session);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/audit/session');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', redirect: 'manual' });
    expect(new Headers(init!.headers).get('X-CSRF')).toBe('t');
  });

  it.each([
    [
      'a refusal',
      () => new Response('{}', { status: 401 }),
      AuthenticationError,
      'viewer_session_refused',
    ],
    [
      'a redirect to sign in',
      () => new Response(null, { status: 302, headers: { Location: '/login' } }),
      AuthenticationError,
      'viewer_session_refused',
    ],
    [
      'a failure',
      () => new Response('oops', { status: 500 }),
      ServerError,
      'viewer_session_failed',
    ],
    [
      'an answer without a token',
      () => Response.json({ token: 'x' }),
      ResponseValidationError,
      'invalid_response',
    ],
    [
      'no answer',
      () => Promise.reject(new TypeError('Failed to fetch')),
      NetworkError,
      'sdk_error',
    ],
  ])('turns %s into a typed error', async (_what, answer, type, code) => {
    const { token } = ask(answer);
    const error = await token().then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(type);
    expect((error as { code: string }).code).toBe(code);
  });
});

describe('logout with a host-provided token', () => {
  it('sends nothing: the host ends its own sessions', async () => {
    const { getAccessToken } = host();
    const sent: string[] = [];
    const client = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: (input, init) => {
        sent.push(new Request(input, init).url);
        return server.fetch(input, init);
      },
      getAccessToken,
    });
    await client.queryEvents();
    await client.logout();
    expect(sent.filter((url) => url.endsWith('/auth/logout'))).toEqual([]);
    expect((await client.queryEvents()).total).toBeGreaterThan(0);
  });
});
