import type { TokenResponse } from '../contract/schemas/index.js';
import type { AuditLogAppOptions } from './app-options.js';
import { createAuditLogApp } from './app.js';
import { DEMO_PASSWORD, seedDemoData, type SeedOptions, type SeedResult } from './seed.js';
import { MemoryStore } from './store/memory-store.js';
import type { AuditStore } from './store/types.js';

export interface AuditLogTestServerOptions extends Partial<Omit<AuditLogAppOptions, 'store'>> {
  /** Where data lives; a fresh in-memory store when left out. */
  store?: AuditStore;
  /**
   * Seed the demo tenants, users, API keys and events. Default: seeded with 200 events per
   * tenant; `false` for an empty server; options to choose the amount.
   */
  seed?: boolean | SeedOptions;
  /** The origin the `fetch` answers for. Default `http://audit-log.test`. */
  baseUrl?: string;
}

export interface AuditLogTestServer {
  baseUrl: string;
  /** A `fetch` that the reference API answers in-process: no network, no ports. */
  fetch: typeof globalThis.fetch;
  store: AuditStore;
  /** What was seeded (users, API keys), or null. */
  seed: SeedResult | null;
  /** Signs a seeded (or any) user in and answers the tokens. */
  login(username: string, tenantId: string, password?: string): Promise<TokenResponse>;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * The reference Audit Log API in-process, for tests and stories: pass its `fetch` and
 * `baseUrl` to the client. Passwords are hashed with few PBKDF2 iterations so seeding is
 * instant, and sign-in rate limits and access records are off unless given; never use these
 * settings for real accounts.
 */
export async function createAuditLogTestServer(
  options: AuditLogTestServerOptions = {},
): Promise<AuditLogTestServer> {
  const {
    seed = true,
    baseUrl = 'http://audit-log.test',
    store = new MemoryStore(),
    ...rest
  } = options;
  const passwordIterations = rest.passwordIterations ?? 1000;
  // In-process requests have no client address, so they would all share one sign-in limit.
  // Reads are not recorded unless asked (`accessRecords: true`), so a test's counts are the
  // events it wrote.
  const app = createAuditLogApp({
    signInRateLimit: false,
    accessRecords: false,
    ...rest,
    passwordIterations,
    store,
  });
  const seeded =
    seed === false
      ? null
      : await seedDemoData(store, {
          eventsPerTenant: 200,
          passwordIterations,
          ...(seed === true ? {} : seed),
        });

  const fetchInProcess: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    if (signal.aborted) throw abortError(signal);
    // Like a real fetch, an abort rejects at once even while the app is still working.
    return await new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(app.fetch(request))
        .then(resolve, reject)
        .finally(() => {
          signal.removeEventListener('abort', onAbort);
        });
    });
  };

  return {
    baseUrl,
    fetch: fetchInProcess,
    store,
    seed: seeded,
    async login(username, tenantId, password = DEMO_PASSWORD) {
      const response = await fetchInProcess(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password, tenant_id: tenantId }),
      });
      if (!response.ok)
        throw new Error(`Login as ${username}@${tenantId} failed: ${response.status}`);
      return (await response.json()) as TokenResponse;
    },
  };
}
