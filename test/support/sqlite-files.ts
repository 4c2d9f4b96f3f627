import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { SqliteStore } from '../../demo/server/sqlite-store.js';

/**
 * SQLite stores in files of a temporary folder, closed after each test and removed after the
 * file's tests; a path of an earlier store reopens that file (an upgrade, a restart).
 */
export function sqliteFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let fileCount = 0;
  const open: SqliteStore[] = [];
  afterEach(() => {
    for (const store of open.splice(0)) store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return function fileStore(
    path = join(dir, `store-${++fileCount}.sqlite`),
    options: ConstructorParameters<typeof SqliteStore>[1] = {},
  ) {
    const store = new SqliteStore(path, options);
    open.push(store);
    return { store, path };
  };
}
