import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../support/postgres-cluster.js';
import { startDemoServer as startServer } from '../support/demo-server.js';

const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function login(url: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const STORES: [string, () => Promise<string>][] = [
  ['a SQLite file', () => Promise.resolve(join(dir, 'nested', 'audit.sqlite'))],
  [
    'a PostgreSQL database',
    async () => {
      const { host, port, user, database } = await createDatabase(inject('postgres'));
      return `postgres://${user}@localhost:${port}/${database}?host=${encodeURIComponent(host!)}`;
    },
  ],
];

describe('npm run server', () => {
  it.each(STORES)(
    'seeds %s, prints the URL and logins, and keeps the data across a restart',
    async (_name, makeDb) => {
      const db = await makeDb();
      const first = await startServer([
        '--port',
        '0',
        '--db',
        db,
        '--seed',
        '--events-per-tenant',
        '300',
      ]);
      expect(first.output()).toMatch(/viewer/);
      expect(first.output()).toMatch(/audit-demo/);
      expect(first.output()).toMatch(/alk_demo_acme_key/);
      const token = await login(first.url);
      const page = await fetch(`${first.url}/api/v1/audit/events?size=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(((await page.json()) as { total: number }).total).toBe(300);
      const created = await fetch(`${first.url}/api/v1/audit/events`, {
        method: 'POST',
        headers: {
          'X-API-Key': 'alk_demo_acme_key',
          'X-Tenant-ID': 'acme',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          event_type: 'system_event',
          resource_type: 'server',
          action: 'restart',
          severity: 'info',
          description: 'Before restart',
        }),
      });
      expect(created.status).toBe(201);
      const written = (await created.json()) as { id: string };
      expect(await first.stop()).toBe(0);

      const second = await startServer(['--port', '0', '--db', db, '--seed']);
      expect(second.output()).toMatch(/Using the data already in/);
      // A login from before the restart still works: the signing secret lives in the file;
      // the event written before it is still there, beside the records of the reads.
      const kept = await fetch(`${second.url}/api/v1/audit/events/${written.id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(kept.status).toBe(200);
      expect(((await kept.json()) as { description: string }).description).toBe('Before restart');
      const again = await fetch(`${second.url}/api/v1/audit/events?size=1`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(((await again.json()) as { total: number }).total).toBeGreaterThanOrEqual(301);
      expect(await second.stop()).toBe(0);
    },
  );

  it('answers every API request with 503 at --fail-rate 1, and delays answers with --latency', async () => {
    const server = await startServer(['--port', '0', '--fail-rate', '1', '--latency', '150']);
    const started = performance.now();
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const api = await fetch(`${server.url}/api/v1/audit/events`);
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: 'server_error' });
    await server.stop();
  });

  it('limits each credential with --rate-limit and says when to come back', async () => {
    const server = await startServer([
      '--port',
      '0',
      '--seed',
      '--events-per-tenant',
      '10',
      '--rate-limit',
      '2',
    ]);
    const headers = { 'X-API-Key': 'alk_demo_globex_key', 'X-Tenant-ID': 'globex' };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${server.url}/api/v1/audit/events?size=1`, { headers });
      statuses.push(response.status);
      retryAfter ??= response.headers.get('Retry-After');
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    await server.stop();
  });

  it('refuses a bad flag with a message naming it, and exit code 2', async () => {
    await expect(startServer(['--fail-rate', '2'])).rejects.toThrow(
      /exited with 2[\s\S]*--fail-rate must be a number from 0 to 1/,
    );
  });
});
