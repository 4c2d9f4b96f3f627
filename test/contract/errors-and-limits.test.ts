import { describe, expect, it } from 'vitest';
import type { PaginatedAuditLogs } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  PASSWORD,
  expectContractErrorShapes,
  expectError,
  expectNoSecretsInErrors,
  makeEvent,
  useContractServer,
  type Answer,
  type ContractApi,
} from './helpers.js';

/** A 429 as the contract has it: Retry-After in whole seconds, the same number in the body. */
function expectRetryAfter(answer: Answer<unknown>): number {
  const body = expectError(answer, 429, 'rate_limit_exceeded');
  const header = answer.headers.get('retry-after') ?? '';
  expect(header).toMatch(/^\d+$/);
  const seconds = Number(header);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(body.retry_after).toBe(seconds);
  return seconds;
}

const login = (api: ContractApi, tenant: string, username: string, password: string) =>
  api.request('/api/v1/auth/login', { json: { username, password, tenant_id: tenant } });

describe.each(STORE_KINDS)('errors and limits (%s store)', (kind) => {
  const api = useContractServer(kind);

  it('answers an unknown endpoint with 404 not_found', async () => {
    const session = await api.session(['audit_viewer']);
    expectError(await api.request('/api/v1/audit/nothing-here', session.auth), 404, 'not_found');
    expectError(await api.request('/no/such/path'), 404, 'not_found');
  });

  it.each([
    ['/api/v1/auth/login', '{"username": "a", "password":'],
    ['/api/v1/audit/events', '{"event_type": "user_action",'],
    ['/api/v1/audit/events/batch', '{"audit_logs": [}'],
    ['/api/v1/auth/users', 'not json at all'],
    ['/api/v1/auth/api-keys', "{'single': 'quotes'}"],
  ])('answers malformed JSON sent to %s with 400 validation_error', async (path, text) => {
    const admin = await api.session(['tenant_admin']);
    const answer = await api.request(path, {
      ...(path.endsWith('login') ? {} : admin.auth),
      method: 'POST',
      body: text,
      headers: { 'Content-Type': 'application/json' },
    });
    expectError(answer, 400, 'validation_error');
  });

  it('answers an empty or non-object event body with 400 and stores nothing', async () => {
    const writer = await api.session(['audit_manager']);
    for (const body of ['', '[]', '"text"', 'null']) {
      const answer = await api.request('/api/v1/audit/events', {
        ...writer.auth,
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      expectError(answer, 400, 'validation_error');
    }
    expect((await api.list(writer.auth)).total).toBe(0);
  });

  it('throttles repeated failed sign-ins with 429 even though rate limiting is off', async () => {
    const tenant = api.unique('tenant');
    const target = await api.addUser(tenant, ['audit_viewer']);
    const bystander = await api.addUser(tenant, ['audit_viewer']);
    const guess = 'Guess-Pass-0000-frotz';
    api.secrets.add(guess);
    let refused: Answer<unknown> | undefined;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const answer = await login(api, tenant, target.username, guess);
      if (answer.status === 429) {
        refused = answer;
        break;
      }
      expectError(answer, 401, 'authentication_error');
    }
    expect(refused, 'twenty wrong passwords in a row were never throttled').toBeDefined();
    expectRetryAfter(refused!);
    // The right password does not get through the throttle either...
    expectRetryAfter(await login(api, tenant, target.username, PASSWORD));
    // ...and other users of the tenant are not locked out by it.
    expect((await login(api, tenant, bystander.username, PASSWORD)).status).toBe(200);
  });

  it('keeps passwords, tokens and keys out of error answers even when sent in odd places', async () => {
    const admin = await api.session(['tenant_admin']);
    const key = await api.apiKey(admin, ['read', 'write']);
    const other = await api.session(['audit_viewer']);
    const { access_token: access, refresh_token: refresh } = admin.tokens;
    const longSecret = `Long-Secret-${'q'.repeat(600)}`;
    const shortPassword = 'Xy9#ab';
    api.secrets.add(longSecret);
    api.secrets.add(shortPassword);
    const probes: Promise<Answer<unknown>>[] = [
      login(api, admin.tenant, admin.user.username, 'Wrong-Pass-1234-xyzzy'),
      login(api, admin.tenant, admin.user.username, longSecret),
      api.request('/api/v1/auth/me', { token: refresh }),
      api.request('/api/v1/auth/me', { headers: { Authorization: `Token ${access}` } }),
      api.request('/api/v1/auth/refresh', { json: { refresh_token: access } }),
      api.request('/api/v1/auth/refresh', { json: { refresh_token: longSecret } }),
      api.request('/api/v1/audit/events', { apiKey: key.apiKey!, tenant: other.tenant }),
      api.request('/api/v1/audit/events', { apiKey: key.apiKey!, tenant: 'bad tenant!' }),
      api.request('/api/v1/audit/events', { ...admin.auth, tenant: other.tenant }),
      api.request('/api/v1/audit/events', {
        ...key,
        json: makeEvent({ event_type: key.apiKey as 'user_action', timestamp: access }),
      }),
      api.request('/api/v1/audit/events', { ...admin.auth, query: { severities: refresh } }),
      api.request('/api/v1/audit/events', { ...admin.auth, query: { start_date: access } }),
      api.request('/api/v1/auth/users', {
        ...admin.auth,
        json: { username: 'weak', email: 'weak@example.com', password: shortPassword, roles: [] },
      }),
      api.request(`/api/v1/auth/users/${other.user.id}`, {
        ...admin.auth,
        method: 'PUT',
        json: { password: PASSWORD },
      }),
    ];
    const answers = await Promise.all(probes);
    for (const answer of answers) expect(answer.status).toBeGreaterThanOrEqual(400);
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });

  describe('with a small rate limit and a clock the test moves', () => {
    let clock = Date.parse('2026-06-01T08:00:00Z');
    const limited = useContractServer(kind, { rateLimitPerMinute: 3, now: () => clock });

    it('answers 429 with Retry-After once a caller spends its requests, and lets it back after waiting', async () => {
      const session = await limited.session(['audit_viewer']);
      for (let i = 0; i < 3; i += 1) {
        expect((await limited.request('/api/v1/audit/events', session.auth)).status).toBe(200);
      }
      const refused = await limited.request('/api/v1/audit/events', session.auth);
      const seconds = expectRetryAfter(refused);
      expect(refused.headers.get('x-request-id')).toBeTruthy();

      clock += seconds * 1000;
      const after = await limited.request<PaginatedAuditLogs>('/api/v1/audit/events', session.auth);
      expect(after.status).toBe(200);
    });

    it('limits each credential on its own', async () => {
      const busy = await limited.session(['tenant_admin']);
      const calm = await limited.session(['audit_viewer'], busy.tenant);
      const key = await limited.apiKey(busy, ['read']);
      let status = 200;
      for (let i = 0; i < 5 && status !== 429; i += 1) {
        status = (await limited.request('/api/v1/audit/events', busy.auth)).status;
      }
      expect(status).toBe(429);
      expect((await limited.request('/api/v1/audit/events', calm.auth)).status).toBe(200);
      expect((await limited.request('/api/v1/audit/events', key)).status).toBe(200);
    });

    it('limits API keys too', async () => {
      const admin = await limited.session(['tenant_admin']);
      const key = await limited.apiKey(admin, ['read']);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await limited.request('/api/v1/audit/events', key)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('keeps passwords, tokens and keys out of its 429 answers', () => {
      expectNoSecretsInErrors(limited);
      expectContractErrorShapes(limited);
    });
  });

  describe('with a strict sign-in throttle and a clock the test moves', () => {
    let clock = Date.parse('2026-06-01T08:00:00Z');
    const guarded = useContractServer(kind, {
      loginThrottle: { maxFailures: 2, windowSeconds: 60 },
      now: () => clock,
    });

    it('lets the user sign in again once the throttle window has passed', async () => {
      const tenant = guarded.unique('tenant');
      const user = await guarded.addUser(tenant, ['audit_viewer']);
      const wrong = 'Wrong-Pass-9876-zork';
      guarded.secrets.add(wrong);
      expectError(await login(guarded, tenant, user.username, wrong), 401, 'authentication_error');
      expectError(await login(guarded, tenant, user.username, wrong), 401, 'authentication_error');
      const seconds = expectRetryAfter(await login(guarded, tenant, user.username, PASSWORD));
      expect(seconds).toBeLessThanOrEqual(60);

      clock += seconds * 1000 + 1000;
      expect((await login(guarded, tenant, user.username, PASSWORD)).status).toBe(200);
    });
  });

  describe('with a 2 KiB body limit', () => {
    const small = useContractServer(kind, { maxBodyBytes: 2048 });

    it('refuses an oversized event with 413 payload_too_large and stores nothing', async () => {
      const writer = await small.session(['audit_manager']);
      const big = makeEvent({ description: 'x'.repeat(4096) });
      const answer = await small.request('/api/v1/audit/events', { ...writer.auth, json: big });
      expectError(answer, 413, 'payload_too_large');
      expect(answer.headers.get('x-request-id')).toBeTruthy();
      expect((await small.list(writer.auth)).total).toBe(0);
      await small.postEvent(writer.auth, makeEvent({ description: 'x'.repeat(1024) }));
    });

    it('refuses an oversized body sent without Content-Length', async () => {
      const writer = await small.session(['audit_manager']);
      const bytes = new TextEncoder().encode(
        JSON.stringify(makeEvent({ description: 'y'.repeat(8192) })),
      );
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 1024) {
            controller.enqueue(bytes.slice(at, at + 1024));
          }
          controller.close();
        },
      });
      const answer = await small.request('/api/v1/audit/events', {
        ...writer.auth,
        method: 'POST',
        body: stream,
        headers: { 'Content-Type': 'application/json' },
      });
      expectError(answer, 413, 'payload_too_large');
      expect((await small.list(writer.auth)).total).toBe(0);
    });
  });

  describe('with injected failures', () => {
    const failing = useContractServer(kind, { failRate: 1 });

    it('answers API requests with 503 server_error when the fail rate is 1', async () => {
      for (const [path, json] of [
        ['/api/v1/audit/events', undefined],
        ['/api/v1/auth/login', { username: 'someone', password: PASSWORD, tenant_id: 't' }],
      ] as const) {
        const answer = await failing.request(path, { json });
        expectError(answer, 503, 'server_error');
        expect(answer.headers.get('x-request-id')).toBeTruthy();
      }
      expectNoSecretsInErrors(failing);
    });

    describe('picked by the random source', () => {
      const draws = [0.9, 0.1, 0.9];
      const sometimes = useContractServer(kind, {
        failRate: 0.5,
        random: () => draws.shift() ?? 0.9,
      });

      it('fails exactly the requests whose random draw falls under the fail rate', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          statuses.push((await sometimes.request('/api/v1/audit/events')).status);
        }
        // Unauthenticated, so a request that is let through is refused with 401.
        expect(statuses).toEqual([401, 503, 401]);
      });
    });
  });
});
