import { describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/http-server.js';
import {
  PASSWORD,
  expectContractErrorShapes,
  expectError,
  expectNoSecretsInErrors,
  useContractServer,
  type Answer,
  type ContractApi,
} from './helpers.js';

const WRONG = 'Wrong-Pass-9876-zork';

function login(
  api: ContractApi,
  tenant: string,
  username: string,
  password: string,
  from?: string,
) {
  return api.request('/api/v1/auth/login', {
    json: { username, password, tenant_id: tenant },
    ...(from === undefined ? {} : { headers: { 'X-Forwarded-For': `203.0.113.9, ${from}` } }),
  });
}

/** A 429 with `Retry-After` in whole seconds, the same as the body's `retry_after`. */
function retryAfter(answer: Answer<unknown>): number {
  const body = expectError(answer, 429, 'rate_limit_exceeded');
  const seconds = Number(answer.headers.get('retry-after'));
  expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
  expect(body.retry_after).toBe(seconds);
  return seconds;
}

describe.each(STORE_KINDS)('sign-in limits (%s store)', (kind) => {
  describe('per client address', () => {
    const api = useContractServer(kind, {
      signInRateLimit: { perAddressPerMinute: 3, globalPerMinute: 1000 },
    });

    it('answers 429 with Retry-After past the limit, for login and refresh alike', async () => {
      const tenant = api.unique('tenant');
      const user = await api.addUser(tenant, ['audit_viewer']);
      const tokens = await api.login(tenant, user.username);
      await api.login(tenant, user.username);
      const refresh = await api.request('/api/v1/auth/refresh', {
        json: { refresh_token: tokens.refresh_token },
      });
      expect(refresh.status).toBe(200);
      retryAfter(await login(api, tenant, user.username, PASSWORD));
      retryAfter(
        await api.request('/api/v1/auth/refresh', { json: { refresh_token: 'anything' } }),
      );
    });

    it('ignores X-Forwarded-For unless told to trust a proxy, so it cannot be dodged', async () => {
      const tenant = api.unique('tenant');
      // The limit above is spent for 127.0.0.1; a made-up forwarded address does not help.
      retryAfter(await login(api, tenant, 'anyone', WRONG, '198.51.100.7'));
    });
  });

  describe('behind a trusted proxy', () => {
    let clock = Date.parse('2026-06-01T08:00:00Z');
    const api = useContractServer(kind, {
      trustProxy: true,
      signInRateLimit: { perAddressPerMinute: 1000, globalPerMinute: 1000 },
      now: () => clock,
    });
    api.secrets.add(WRONG);

    it('locks a name out only for the address that failed, with a growing wait', async () => {
      const tenant = api.unique('tenant');
      const user = await api.addUser(tenant, ['audit_viewer']);
      const attacker = '198.51.100.66';
      for (let i = 0; i < 5; i += 1) {
        expectError(
          await login(api, tenant, user.username, WRONG, attacker),
          401,
          'authentication_error',
        );
      }
      // Even the right password waits now, from that address...
      expect(retryAfter(await login(api, tenant, user.username, PASSWORD, attacker))).toBe(1);
      // ...while the owner, elsewhere, signs in at once.
      expect((await login(api, tenant, user.username, PASSWORD, '192.0.2.10')).status).toBe(200);

      // Each further failure doubles the wait: 1 s, 2 s, 4 s.
      for (const wait of [2, 4]) {
        clock += 1000 * (wait / 2) + 1;
        expectError(
          await login(api, tenant, user.username, WRONG, attacker),
          401,
          'authentication_error',
        );
        expect(retryAfter(await login(api, tenant, user.username, WRONG, attacker))).toBe(wait);
      }
      clock += 4001;
      expect((await login(api, tenant, user.username, PASSWORD, attacker)).status).toBe(200);
    });

    it('never puts a password, token or API key in its 401 and 429 answers', () => {
      expectNoSecretsInErrors(api);
      expectContractErrorShapes(api);
    });
  });

  describe('across all addresses', () => {
    const api = useContractServer(kind, {
      trustProxy: true,
      signInRateLimit: { perAddressPerMinute: 1000, globalPerMinute: 4 },
    });

    it('bounds a flood spread over many addresses', async () => {
      const tenant = api.unique('tenant');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await login(api, tenant, `name-${i}`, WRONG, `192.0.2.${i + 1}`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    });
  });

  describe('with slow password hashing', () => {
    const api = useContractServer(kind, {
      passwordIterations: 200_000,
      passwordHashing: { concurrency: 1, maxWaiting: 2 },
    });

    it('checks a bounded number of passwords at once and refuses the rest at once', async () => {
      const tenant = api.unique('tenant');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(api, tenant, `nobody-${i}`, WRONG)),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      // One derivation runs and two wait; the other seven are told to come back.
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      for (const answer of answers.filter((a) => a.status === 429)) retryAfter(answer);
    });
  });
});
