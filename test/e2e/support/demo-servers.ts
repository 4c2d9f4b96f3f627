import { inject } from 'vitest';
import { preview, type PluginOption, type PreviewServer } from 'vite';
import { AuditLogClient } from '../../../src/client/index.js';
import type { AuditLogAppOptions } from '../../../src/server/app-options.js';
import type { AuditStore } from '../../../src/server/store/types.js';
import { DEMO_API_KEYS, seedDemoData } from '../../../src/server/seed.js';
import { MemoryStore } from '../../../src/server/store/memory-store.js';
import { startHttpServer, type RunningServer } from '../../support/http-server.js';
import { PAGE_ROOTS, type PageName } from './build-pages.js';

export type DemoTenant = keyof typeof DEMO_API_KEYS;

export interface DemoServers {
  /** The page's origin; it proxies the API, so the browser stays same-origin. */
  appUrl: string;
  api: RunningServer;
  /** The API as the tenant's demo key sees it, to check what the page shows. */
  apiClient(tenant: DemoTenant): AuditLogClient;
  close(): Promise<void>;
}

export interface DemoServerOptions extends Partial<Omit<AuditLogAppOptions, 'store'>> {
  /** Which built page to serve. Default the demo app. */
  page?: PageName;
  /** Seeded events per tenant; a few hundred keep the store quick to fill and to query. */
  eventsPerTenant?: number;
  /** Puts something in front of the seeded store, e.g. generated events. */
  wrapStore?: (store: AuditStore) => AuditStore;
  /** The store to seed and serve; a fresh in-memory one by default (e.g. a SQLite file to tamper with). */
  store?: AuditStore;
  /** Headers the page's server sends with every answer, e.g. a Content-Security-Policy. */
  pageHeaders?: Record<string, string>;
  /** Backends mounted in front of the page (the host demo's), given the API's URL. */
  pagePlugins?: (apiBaseUrl: string) => PluginOption[];
}

const PASSWORD_ITERATIONS = 1000;

/**
 * The seeded reference API over loopback HTTP and a built page in `vite preview` in front of
 * it, proxying `/api`, `/health` and `/openapi.json` as `npm run demo` does.
 */
export async function startDemoServers(options: DemoServerOptions = {}): Promise<DemoServers> {
  const {
    page = 'demo',
    eventsPerTenant = 300,
    wrapStore,
    pageHeaders,
    pagePlugins,
    store = new MemoryStore(),
    ...appOptions
  } = options;
  await seedDemoData(store, { eventsPerTenant, passwordIterations: PASSWORD_ITERATIONS });
  const api = await startHttpServer('memory', {
    ...appOptions,
    store: wrapStore ? wrapStore(store) : store,
    passwordIterations: PASSWORD_ITERATIONS,
  });
  let app: PreviewServer;
  try {
    app = await preview({
      root: PAGE_ROOTS[page],
      configFile: false,
      logLevel: 'warn',
      plugins: pagePlugins?.(api.baseUrl) ?? [],
      build: { outDir: inject('builtPages')[page] },
      preview: {
        host: '127.0.0.1',
        port: 0,
        ...(pageHeaders ? { headers: pageHeaders } : {}),
        proxy: { '/api': api.baseUrl, '/health': api.baseUrl, '/openapi.json': api.baseUrl },
      },
    });
  } catch (error) {
    await api.close();
    throw error;
  }
  const appUrl = app.resolvedUrls!.local[0]!.replace(/\/$/, '');
  return {
    appUrl,
    api,
    apiClient: (tenant) =>
      new AuditLogClient({
        baseUrl: api.baseUrl,
        apiKey: DEMO_API_KEYS[tenant],
        tenantId: tenant,
        maxRetries: 5,
        retryDelay: 50,
      }),
    close: async () => {
      await app.close();
      await api.close();
    },
  };
}
