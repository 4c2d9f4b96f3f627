import Database from 'better-sqlite3';
import { matchesSearch } from '../../src/server/store/event-order.js';

export type Connection = Database.Database;

/** The name under which `matchesSearch` is registered on every connection. */
export const SEARCH_FUNCTION = 'audit_matches_search';

/** Milliseconds a writer waits for another process's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * A connection with this store's settings. Search goes through the same JavaScript function
 * as the in-memory store, because SQLite's own `lower()` and `LIKE` fold ASCII only.
 */
export function openConnection(path: string, options: { readonly: boolean }): Connection {
  const db = new Database(path, {
    readonly: options.readonly,
    fileMustExist: options.readonly,
    timeout: BUSY_TIMEOUT_MS,
  });
  try {
    if (!options.readonly) {
      // WAL lets readers (exports) run beside the writer; NORMAL is durable across crashes
      // of the process and loses at most the last commits on power loss.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Checkpoints (each with an fsync) every ~40 MB of WAL rather than every 4 MB: batch
      // writes touch many index pages, and checkpointing often doubled the cost of seeding.
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('journal_size_limit = 67108864');
    }
    db.pragma('foreign_keys = ON');
    // The writer's cache serves summaries that scan whole indexes of a large tenant; a
    // stream reads each page once, so its connection needs little.
    db.pragma(`cache_size = ${options.readonly ? -16_384 : -65_536}`);
    // The needle, then the columns of SEARCH_FIELDS in order (see sqlite-event-sql.ts).
    db.function(
      SEARCH_FUNCTION,
      { deterministic: true, varargs: true },
      (needle: string, ...fields: (string | null)[]) => (matchesSearch(needle, ...fields) ? 1 : 0),
    );
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
