import { Worker } from 'node:worker_threads';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import {
  DuplicateError,
  type AuditStore,
  type IdempotencyClaim,
  type InsertEventsResult,
} from '../../src/server/store/types.js';
import { prepareBatch, storedResult, type PreparedInsertResult } from './sqlite-batch.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

// A batch's write transaction (the row, its indexes, the commit, the tamper hashes) is most
// of an ingest's CPU, and better-sqlite3 runs it on the calling thread: on the thread that
// also parses, checks and answers every request, the server used one of its cores. Here a
// worker thread owns the file's one writing connection and this thread reads through its
// own (WAL lets readers run beside the writer), so parsing the next batch overlaps writing
// the last. A write answers after its commit, so a read that follows it sees it.

/**
 * Where each store method runs. Typed over the whole interface, so a method added to it must
 * be placed here: a write left on the reading connection would fail (it is `query_only`).
 */
const ROUTES = {
  getMeta: 'read',
  setMeta: 'write',
  insertUser: 'write',
  getUser: 'read',
  findUserByUsername: 'read',
  updateUser: 'write',
  countUsers: 'read',
  insertApiKey: 'write',
  findApiKeyByHash: 'read',
  touchApiKey: 'write',
  listApiKeys: 'read',
  revokeApiKey: 'write',
  insertSession: 'write',
  getSession: 'read',
  revokeSession: 'write',
  revokeUserSessions: 'write',
  insertViewerSession: 'write',
  getViewerSession: 'read',
  revokeViewerSession: 'write',
  insertRefreshToken: 'write',
  useRefreshToken: 'write',
  // Prepared on this thread, written on the writer's (see sqlite-batch.ts).
  insertEvents: 'prepare',
  getEvent: 'read',
  queryEvents: 'read',
  countEvents: 'read',
  streamEvents: 'read',
  summarize: 'read',
  facets: 'read',
  getTreeSize: 'read',
  getTreeNodes: 'read',
  getSequences: 'read',
  getEventsBySequence: 'read',
  close: 'write',
} as const satisfies Record<keyof Required<AuditStore>, 'read' | 'write' | 'prepare'>;

type Routes = typeof ROUTES;
export type WriteMethod =
  { [M in keyof Routes]: Routes[M] extends 'write' ? M : never }[keyof Routes] | 'insertPrepared';

export interface WriteCall {
  id: number;
  method: WriteMethod;
  args: unknown[];
}

export interface WriteAnswer {
  id: number;
  value?: unknown;
  error?: { name: string; message: string; code?: string };
}

/** The error the writer threw, as this thread's class where the server tells them apart. */
function rebuiltError(plain: NonNullable<WriteAnswer['error']>): Error {
  if (plain.name === DuplicateError.name) return new DuplicateError(plain.message);
  const error = new Error(plain.message);
  error.name = plain.name;
  return plain.code ? Object.assign(error, { code: plain.code }) : error;
}

// The writer thread loads the store's TypeScript through tsx, as `npm run server` does; a
// loader given to a worker by `--import` does not reach the worker's own entry on Node 20.
const TSX_API = import.meta.resolve('tsx/esm/api');
const WRITER_ENTRY = new URL('./sqlite-write-thread.ts', import.meta.url).href;
const WRITER_BOOT = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { tsImport } from ${JSON.stringify(TSX_API)};
     await tsImport(${JSON.stringify(WRITER_ENTRY)}, ${JSON.stringify(WRITER_ENTRY)});`,
  )}`,
);

class WriterThread {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();
  #nextId = 1;
  #stopped: Error | null = null;
  #closing = false;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;

  constructor(path: string, options: SqliteStoreOptions) {
    this.#worker = new Worker(WRITER_BOOT, { workerData: { path, options } });
    this.ready = new Promise((resolve, reject) => {
      this.#pending.set(0, { resolve: () => resolve(), reject });
    });
    this.#worker.on('message', (answer: WriteAnswer) => {
      const waiting = this.#pending.get(answer.id);
      if (!waiting) return;
      this.#pending.delete(answer.id);
      if (answer.error) waiting.reject(rebuiltError(answer.error));
      else waiting.resolve(answer.value);
      if (this.#pending.size === 0 && !this.#closing) this.#worker.unref();
    });
    this.exited = new Promise((resolve) => {
      const stop = (error: Error) => {
        this.#stopped ??= error;
        for (const waiting of this.#pending.values()) waiting.reject(this.#stopped);
        this.#pending.clear();
        resolve();
      };
      this.#worker.on('error', stop);
      this.#worker.on('exit', (code) =>
        stop(new Error(`The SQLite writer thread stopped (exit code ${code})`)),
      );
    });
  }

  call(method: WriteMethod, args: unknown[]): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    // Held while a write is on its way, so a script awaiting one is not ended early; an
    // idle writer keeps no process alive.
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, method, args } satisfies WriteCall);
    });
  }

  /** Closes the writer's connection and waits for the thread to end. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    this.#closing = true;
    // Held until the thread has ended, which may be after the answer to the close.
    this.#worker.ref();
    await this.call('close', []).catch(() => undefined);
    await this.exited;
  }
}

/**
 * The SQLite store with its writes on a worker thread. `:memory:` is one connection's own
 * database, which no second thread can open, so it stays a plain `SqliteStore`.
 */
export async function openSqliteStore(
  path: string,
  options: Omit<SqliteStoreOptions, 'readsOnly'> = {},
): Promise<AuditStore> {
  if (path === ':memory:') return new SqliteStore(path, options);
  const writer = new WriterThread(path, options);
  await writer.ready;
  let reader: SqliteStore;
  try {
    reader = new SqliteStore(path, { ...options, readsOnly: true });
  } catch (error) {
    await writer.close();
    throw error;
  }
  const store = {} as Record<string, unknown>;
  for (const [method, route] of Object.entries(ROUTES)) {
    if (route === 'read') {
      const read = reader[method as keyof SqliteStore] as (...args: unknown[]) => unknown;
      store[method] = read.bind(reader);
    } else if (route === 'write') {
      store[method] = (...args: unknown[]) => writer.call(method as WriteMethod, args);
    }
  }
  store.insertEvents = async (
    tenantId: string,
    events: AuditLogEvent[],
    claim?: IdempotencyClaim,
  ): Promise<InsertEventsResult> => {
    const batch = prepareBatch(events);
    const result = await writer.call('insertPrepared', [tenantId, batch, claim]);
    return storedResult(events, result as PreparedInsertResult);
  };
  store.close = async () => {
    await writer.close();
    reader.close();
  };
  return store as unknown as AuditStore;
}
