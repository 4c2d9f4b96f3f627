import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { AuditLogAppOptions } from '../../src/server/app-options.js';
import { createAuditLogApp } from '../../src/server/app.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import type { AuditStore } from '../../src/server/store/types.js';

export type StoreKind = 'memory' | 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'sqlite', 'postgres'];

export interface RunningServer {
  baseUrl: string;
  store: AuditStore;
  close(): Promise<void>;
}

async function makeStore(kind: StoreKind): Promise<AuditStore> {
  if (kind === 'memory') return new MemoryStore();
  if (kind === 'postgres') {
    const { openTestPgStore } = await import('./pg-test-store.js');
    return openTestPgStore();
  }
  // A file, as the server keeps one: its writes run on their own thread.
  const { openSqliteStore } = await import('../../demo/server/sqlite-threaded-store.js');
  const dir = mkdtempSync(join(tmpdir(), 'audit-sqlite-'));
  const store = await openSqliteStore(join(dir, 'audit.sqlite'));
  const close = store.close!;
  store.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return store;
}

/** The reference API over real HTTP on a free loopback port. */
export async function startHttpServer(
  kind: StoreKind,
  options: Partial<AuditLogAppOptions> = {},
): Promise<RunningServer> {
  const store = options.store ?? (await makeStore(kind));
  // Suites sign in hundreds of times a minute from one address; the tests of the sign-in
  // limits switch them on. Suites count the events they wrote exactly; the tests of access
  // records switch those on.
  const app = createAuditLogApp({
    passwordIterations: 1000,
    signInRateLimit: false,
    accessRecords: false,
    ...options,
    store,
  });
  const server: ServerType = await new Promise((resolve) => {
    const running = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(running),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }).then(() => store.close?.()),
  };
}
