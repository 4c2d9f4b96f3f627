// The write side of a threaded SQLite store (see sqlite-threaded-store.ts): runs in a worker
// thread, owns the file's only writing connection, and applies the writes the main thread
// posts, one at a time in the order they arrive.
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
import type { WriteCall, WriteAnswer } from './sqlite-threaded-store.js';

const { path, options } = workerData as { path: string; options: SqliteStoreOptions };
const port = parentPort!;

/** An error as it can cross to the main thread: its class by name, its message and code. */
function plainError(error: unknown): NonNullable<WriteAnswer['error']> {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return { name: error.name, message: error.message, ...(code ? { code } : {}) };
}

let store: SqliteStore;
try {
  // Opening applies the schema's migrations before the main thread reads anything.
  store = new SqliteStore(path, options);
  port.postMessage({ id: 0, value: 'ready' } satisfies WriteAnswer);
} catch (error) {
  port.postMessage({ id: 0, error: plainError(error) } satisfies WriteAnswer);
  process.exit(1);
}

port.on('message', (call: WriteCall) => {
  if (call.method === 'close') {
    store.close();
    port.postMessage({ id: call.id, value: undefined } satisfies WriteAnswer);
    port.close();
    return;
  }
  try {
    const method = store[call.method] as (...args: unknown[]) => unknown;
    port.postMessage({ id: call.id, value: method.apply(store, call.args) } satisfies WriteAnswer);
  } catch (error) {
    port.postMessage({ id: call.id, error: plainError(error) } satisfies WriteAnswer);
  }
});
