import type Database from 'better-sqlite3';
import type { Connection } from './sqlite-connection.js';

/**
 * Prepared statements by SQL text, so each query shape is compiled once per connection.
 * Filters with lists make one shape per list length; the least recently used shapes go
 * first when there are too many.
 */
export class StatementCache {
  readonly #db: Connection;
  readonly #limit: number;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Connection, limit = 256) {
    this.#db = db;
    this.#limit = limit;
  }

  get<Row = unknown>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= this.#limit) {
        const oldest = this.#statements.keys().next();
        if (!oldest.done) this.#statements.delete(oldest.value);
      }
    }
    this.#statements.set(sql, statement);
    return statement as Database.Statement<unknown[], Row>;
  }
}
