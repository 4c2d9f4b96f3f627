import { describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectContractErrorShapes,
  makeEvent,
  useContractServer,
  type Answer,
  type ContractApi,
} from './helpers.js';

const ORIGIN = 'https://dashboard.example';
const REQUEST_HEADERS = [
  'Authorization',
  'X-API-Key',
  'X-Tenant-ID',
  'Idempotency-Key',
  'Content-Type',
];
const EXPOSED_HEADERS = [
  'Retry-After',
  'X-Export-Count',
  'X-Generated-At',
  'Content-Disposition',
  'X-Request-ID',
];

const listOf = (answer: Answer<unknown>, header: string) =>
  (answer.headers.get(header) ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);

const preflight = (api: ContractApi, origin: string, method = 'POST') =>
  api.request('/api/v1/audit/events', {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': REQUEST_HEADERS.join(', ').toLowerCase(),
    },
  });

function expectOriginAllowed(answer: Answer<unknown>, origin: string) {
  expect([origin, '*']).toContain(answer.headers.get('access-control-allow-origin'));
}

function expectExposed(answer: Answer<unknown>) {
  const exposed = listOf(answer, 'access-control-expose-headers');
  for (const header of EXPOSED_HEADERS) expect(exposed).toContain(header.toLowerCase());
}

describe.each(STORE_KINDS)('browser access and request ids (%s store)', (kind) => {
  const api = useContractServer(kind);

  it('answers a preflight allowing every header the SDK sends', async () => {
    const answer = await preflight(api, ORIGIN);
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(300);
    expectOriginAllowed(answer, ORIGIN);
    const allowed = listOf(answer, 'access-control-allow-headers');
    for (const header of REQUEST_HEADERS) expect(allowed).toContain(header.toLowerCase());
    const methods = listOf(answer, 'access-control-allow-methods');
    for (const method of ['get', 'post', 'put', 'delete']) expect(methods).toContain(method);
  });

  it('lets a page read the export, retry and request-id headers of an answer', async () => {
    const session = await api.session(['audit_manager']);
    const answer = await api.request('/api/v1/audit/events/export', {
      ...session.auth,
      query: { format: 'csv' },
      headers: { Origin: ORIGIN },
    });
    expect(answer.status).toBe(200);
    expectOriginAllowed(answer, ORIGIN);
    expectExposed(answer);
  });

  it('lets a page read error answers cross-origin too', async () => {
    const answer = await api.request('/api/v1/audit/events', { headers: { Origin: ORIGIN } });
    expect(answer.status).toBe(401);
    expectOriginAllowed(answer, ORIGIN);
    expectExposed(answer);
  });

  it('puts an X-Request-ID on every kind of answer, errors and preflights included', async () => {
    const session = await api.session(['audit_manager']);
    const answers = [
      await api.request('/health'),
      await api.request('/openapi.json'),
      await api.request('/api/v1/audit/events', session.auth),
      await api.request('/api/v1/audit/events', { ...session.auth, json: makeEvent() }),
      await api.request('/api/v1/audit/events/export', {
        ...session.auth,
        query: { format: 'csv' },
      }),
      await api.request('/api/v1/audit/events'),
      await api.request('/api/v1/audit/events', { ...session.auth, query: { size: 0 } }),
      await api.request(`/api/v1/audit/events/${crypto.randomUUID()}`, session.auth),
      await api.request('/api/v1/auth/users', { ...session.auth, json: {} }),
      await api.request('/no/such/route'),
      await api.request('/api/v1/auth/logout', { method: 'POST' }),
      await preflight(api, ORIGIN),
    ];
    const ids = answers.map((answer) => answer.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/\S/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks every API answer, errors included, as not to be cached, sniffed or referred on', async () => {
    const session = await api.session(['audit_manager']);
    const event = await api.postEvent(session.auth, makeEvent());
    const answers = [
      await api.request('/api/v1/audit/events', session.auth),
      await api.request(`/api/v1/audit/events/${event.id}`, session.auth),
      await api.request('/api/v1/audit/summary', session.auth),
      await api.request('/api/v1/audit/events', { ...session.auth, json: makeEvent() }),
      await api.request('/api/v1/audit/events/export', {
        ...session.auth,
        query: { format: 'csv' },
      }),
      await api.request('/api/v1/auth/session', session.auth),
      await api.request('/api/v1/audit/events'),
      await api.request(`/api/v1/audit/events/${crypto.randomUUID()}`, session.auth),
      await api.request('/api/v1/audit/events', { ...session.auth, query: { size: 0 } }),
      await api.request('/no/such/route'),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('x-content-type-options'), answer.text).toBe('nosniff');
      expect(answer.headers.get('referrer-policy'), answer.text).toBe('no-referrer');
      expect(answer.headers.get('cache-control'), answer.text).toBe('no-store');
    }
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });

  describe('with a configured list of origins', () => {
    const strict = useContractServer(kind, { corsOrigins: [ORIGIN] });

    it('answers the preflight of a configured origin with that origin', async () => {
      const answer = await preflight(strict, ORIGIN, 'GET');
      expect(answer.status).toBeLessThan(300);
      expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      const allowed = listOf(answer, 'access-control-allow-headers');
      for (const header of REQUEST_HEADERS) expect(allowed).toContain(header.toLowerCase());
    });

    it('does not allow an origin that is not configured', async () => {
      const answer = await preflight(strict, 'https://elsewhere.example');
      const allowed = answer.headers.get('access-control-allow-origin');
      expect(allowed).not.toBe('*');
      expect(allowed).not.toBe('https://elsewhere.example');
    });
  });
});
