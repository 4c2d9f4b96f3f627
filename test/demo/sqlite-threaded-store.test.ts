import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../demo/server/sqlite-store.js';
import { openSqliteStore } from '../../demo/server/sqlite-threaded-store.js';
import { DuplicateError, type AuditStore } from '../../src/server/store/types.js';
import { ANY, event, iso, NOW } from '../support/store-agreement.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-threaded-'));
let fileCount = 0;
const open: AuditStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close?.();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function threadedStore(path = join(dir, `store-${++fileCount}.sqlite`)) {
  const store = await openSqliteStore(path);
  open.push(store);
  return { store, path };
}

const batch = (count: number, from = 0) =>
  Array.from({ length: count }, (_, k) =>
    event('acme', { timestamp: iso(NOW - (from + k) * 1000), description: `event ${from + k}` }),
  );

describe('a SQLite store that writes on its own thread', () => {
  it('numbers concurrent batches gap-free, and a read after a write sees it', async () => {
    const { store } = await threadedStore();
    const results = await Promise.all(
      [0, 1, 2, 3].map((b) => store.insertEvents('acme', batch(250, b * 250))),
    );
    const sequences = results
      .flatMap((result) => (result.status === 'created' ? result.events : []))
      .map((stored) => stored.sequence)
      .sort((a, b) => a! - b!);
    expect(sequences).toEqual(Array.from({ length: 1000 }, (_, k) => k));
    expect(await store.getTreeSize('acme')).toBe(1000);
    const page = await store.queryEvents('acme', ANY, { offset: 0, limit: 5 });
    expect(page.total).toBe(1000);
    expect(page.items.map((item) => item.description)).toEqual(
      Array.from({ length: 5 }, (_, k) => `event ${k}`),
    );
  });

  it('answers reads while a large write is still running', async () => {
    const { store } = await threadedStore();
    let written = false;
    const write = Promise.resolve(store.insertEvents('acme', batch(20_000))).then((result) => {
      written = true;
      return result;
    });
    // On one thread the write would have run to its commit before this line.
    expect(await store.countEvents('acme', ANY)).toBe(0);
    expect(written).toBe(false);
    expect((await write).status).toBe('created');
    expect(await store.countEvents('acme', ANY)).toBe(20_000);
  });

  it("answers the writer's errors as the server's own classes", async () => {
    const { store } = await threadedStore();
    const user = {
      id: crypto.randomUUID(),
      tenant_id: 'acme',
      username: 'alice',
      email: 'alice@example.com',
      full_name: null,
      roles: ['audit_viewer' as const],
      is_active: true,
      password_hash: 'pbkdf2-sha256$1000$c2FsdA$aGFzaA',
      created_at: iso(NOW),
      updated_at: null,
      last_login_at: null,
    };
    await store.insertUser(user);
    const again = Promise.resolve(store.insertUser({ ...user, id: crypto.randomUUID() }));
    await expect(again).rejects.toBeInstanceOf(DuplicateError);
    await expect(again).rejects.toThrow('User alice already exists');
    // The writer goes on after an error.
    await store.setMeta('after', 'yes');
    expect(await store.getMeta('after')).toBe('yes');
  });

  it('refuses a write on the reading connection rather than wait for the writer', async () => {
    const { path } = await threadedStore();
    const reader = new SqliteStore(path, { readsOnly: true });
    try {
      expect(() => reader.setMeta('key', 'value')).toThrow(/readonly/i);
    } finally {
      reader.close();
    }
  });

  it('refuses a file that is not a database, with SQLite’s reason', async () => {
    const path = join(dir, 'not-a-database.sqlite');
    writeFileSync(path, 'plain text, not a database '.repeat(200));
    await expect(openSqliteStore(path)).rejects.toThrow(/not a database/);
  });

  it('lets a script that awaits a write finish, and exit without closing', async () => {
    const path = join(dir, 'script.sqlite');
    const module = new URL('../../demo/server/sqlite-threaded-store.ts', import.meta.url).href;
    const script = `
      const { openSqliteStore } = await import(${JSON.stringify(module)});
      const store = await openSqliteStore(${JSON.stringify(path)});
      await store.setMeta('written', 'by a script');
      console.log(await store.getMeta('written'));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { timeout: 30_000 },
    );
    expect(stdout.trim()).toBe('by a script');
  });
});
