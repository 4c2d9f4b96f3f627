import type { Connection } from './sqlite-connection.js';
import type { StatementCache } from './sqlite-statement-cache.js';

// Writing each batch's trigrams into the FTS5 index inside the batch's transaction was
// about 40 % of a write's cost: FTS5 writes a new index segment per transaction, and merges
// those small segments again and again. A batch now appends its events' search text to a
// plain table, the backlog, and the backlog is folded into the index many batches at a time
// (one large segment): when it holds `foldRows` rows, inside the write that fills it, or
// once writes pause for `idleMs`. A search reads the index and the backlog alike (see
// `indexedSearchCondition`), with the same GLOB over the same text, and a fold moves rows
// from one to the other in one transaction, so no search ever misses a written event.

export const SEARCH_BACKLOG_TABLE = `
  CREATE TABLE event_search_pending (
    seq INTEGER PRIMARY KEY,
    search_text TEXT NOT NULL
  );
`;

/**
 * The FTS5 memory for a fold's trigrams before it writes a segment (the default is 1 MB,
 * about 3,000 events, so a fold of 20,000 would still be written as several segments that
 * are merged again later). Kept in the index's own configuration, so every connection uses it.
 */
export const SEARCH_INDEX_HASH_SIZE = `
  INSERT INTO event_search (event_search, rank) VALUES ('hashsize', ${64 * 1024 * 1024});
`;

export const APPEND_PENDING = 'INSERT INTO event_search_pending (seq, search_text) VALUES (?, ?)';

/** Rows the backlog holds before the write that fills it folds it. */
export const FOLD_ROWS = 20_000;
/** Milliseconds without a write after which the backlog is folded. */
export const IDLE_MS = 500;

export class SearchBacklog {
  readonly #db: Connection;
  readonly #statements: StatementCache;
  readonly #foldRows: number;
  readonly #idleMs: number;
  /** Rows pending as far as this connection knows: it only decides when to fold. */
  #rows: number;
  #lastWrite = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    db: Connection,
    statements: StatementCache,
    options: { foldRows?: number | undefined; idleMs?: number | undefined } = {},
  ) {
    this.#db = db;
    this.#statements = statements;
    this.#foldRows = options.foldRows ?? FOLD_ROWS;
    this.#idleMs = options.idleMs ?? IDLE_MS;
    this.#rows = this.#statements
      .get<{ n: number }>('SELECT COUNT(*) AS n FROM event_search_pending')
      .get()!.n;
    if (this.#rows > 0) this.#armIdleFold();
  }

  /**
   * Call inside the write transaction that appended `count` rows. A transaction rolled back
   * after this only makes the next fold come early: every fold takes what the table holds.
   */
  added(count: number): void {
    this.#rows += count;
    this.#lastWrite = performance.now();
    if (this.#rows >= this.#foldRows) this.#fold();
    else this.#armIdleFold();
  }

  /** Folds the whole backlog into the index, in its own write transaction. */
  fold(): void {
    this.#db.transaction(() => this.#fold()).immediate();
  }

  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #fold(): void {
    this.#statements
      .get(
        `INSERT INTO event_search (rowid, search_text)
         SELECT seq, search_text FROM event_search_pending ORDER BY seq`,
      )
      .run();
    this.#statements.get('DELETE FROM event_search_pending').run();
    this.#rows = 0;
  }

  #armIdleFold(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#db.open || this.#rows === 0) return;
      const quiet = performance.now() - this.#lastWrite;
      if (quiet < this.#idleMs) {
        this.#armIdleFold();
        return;
      }
      try {
        this.fold();
      } catch {
        // Another process holds the write lock (or the file is closing): the rows stay
        // searchable in the backlog, and a later write or pause folds them.
        this.#armIdleFold();
      }
    }, this.#idleMs);
    // A pending fold never keeps a process alive: the backlog is kept in the file.
    this.#timer.unref?.();
  }
}
