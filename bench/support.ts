import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createAuditLogApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/passwords.js';
import type { AuditStore } from '../src/server/store/types.js';

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The reference API over loopback HTTP with one admin user; answers its URL and a token. */
export async function serveWithAdmin(store: AuditStore, tenantId: string) {
  // Measures the API's own work: reads are not recorded as access events here.
  const app = createAuditLogApp({ store, passwordIterations: 1000, accessRecords: false });
  const now = new Date().toISOString();
  const existing = await store.findUserByUsername(tenantId, 'admin');
  if (!existing)
    await store.insertUser({
      id: `admin-${tenantId}`,
      tenant_id: tenantId,
      username: 'admin',
      email: 'admin@example.com',
      full_name: null,
      roles: ['tenant_admin'],
      is_active: true,
      password_hash: await hashPassword('bench-password', 1000),
      created_at: now,
      updated_at: null,
      last_login_at: null,
    });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const running = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(running),
    );
  });
  // On a busy shared machine the server may not read a waiting request for seconds; the
  // default 5 s keep-alive would close that socket under the client (ECONNRESET).
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 60_000;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password', tenant_id: tenantId }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  return {
    baseUrl,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Times `runs` sequential calls of `fn` after `warmup` untimed ones. */
export async function timeRuns(runs: number, warmup: number, fn: () => Promise<void>) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
