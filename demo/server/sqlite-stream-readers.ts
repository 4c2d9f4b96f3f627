import { openConnection, type Connection } from './sqlite-connection.js';
import type { SqlParam } from './sqlite-event-sql.js';
import { StatementCache } from './sqlite-statement-cache.js';

interface Reader {
  db: Connection;
  statements: StatementCache;
  iterator?: IterableIterator<unknown>;
}

/**
 * Read-only connections for streamed reads. better-sqlite3 refuses writes on a connection
 * while one of its statements is being iterated, and an export is iterated across many turns
 * of the event loop, so streams never use the writer's connection. Each open stream gets a
 * connection of its own: in WAL mode it reads one snapshot from start to end, and a stream
 * started later is not held to an older stream's snapshot. One idle connection is kept.
 */
export class StreamReaders {
  readonly #path: string;
  #idle: Reader | null = null;
  readonly #busy = new Set<Reader>();
  #closed = false;

  constructor(path: string) {
    this.#path = path;
  }

  /** Rows of one query, read lazily; `return()` on the generator releases its connection. */
  *rows<Row>(sql: string, params: readonly SqlParam[]): Generator<Row, void, undefined> {
    const reader = this.#acquire();
    try {
      const iterator = reader.statements.get<Row>(sql).iterate(...params);
      reader.iterator = iterator;
      yield* iterator;
    } finally {
      reader.iterator?.return?.();
      delete reader.iterator;
      this.#release(reader);
    }
  }

  /** Ends any stream still open (it then reads as finished) and closes every connection. */
  close(): void {
    this.#closed = true;
    for (const reader of this.#busy) {
      reader.iterator?.return?.();
      reader.db.close();
    }
    this.#busy.clear();
    this.#idle?.db.close();
    this.#idle = null;
  }

  #acquire(): Reader {
    if (this.#closed) throw new Error('The store is closed');
    let reader = this.#idle;
    this.#idle = null;
    if (!reader) {
      const db = openConnection(this.#path, { readonly: true });
      reader = { db, statements: new StatementCache(db, 64) };
    }
    this.#busy.add(reader);
    return reader;
  }

  #release(reader: Reader): void {
    if (!this.#busy.delete(reader)) return;
    if (this.#closed || this.#idle) reader.db.close();
    else this.#idle = reader;
  }
}
