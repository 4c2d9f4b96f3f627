import type pg from 'pg';
import { tenantWall } from './pg-schema.js';

// `audit_events` is range-partitioned by month of the event's time: old months can be
// detached or dropped whole, and a query over a date range reads only its months. Months
// around now are created ahead; any other month (events may carry any time from year 1 to
// 9999) is created the first time a write needs it.

/** Months created ahead of now, so writes at the turn of a month never wait for DDL. */
const MONTHS_AHEAD = 2;
/** Any number shared by every server on one database: partitions are made one at a time. */
const PARTITION_LOCK = 7_281_947;

/** The first millisecond of the UTC month holding `ms`. */
export function monthStart(ms: number): number {
  const date = new Date(ms);
  return monthAt(date.getUTCFullYear(), date.getUTCMonth());
}

/** `Date.UTC` reads years 0–99 as 1900–1999, so the year is set on its own. */
function monthAt(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 1);
  return date.getTime();
}

function nextMonth(start: number): number {
  const date = new Date(start);
  return monthAt(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

function partitionName(start: number): string {
  const date = new Date(start);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `audit_events_${year}_${month}`;
}

/** Creates monthly partitions on demand; remembers the ones it has seen to skip the DDL. */
export class Partitions {
  readonly #pool: pg.Pool;
  readonly #known = new Set<number>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** The month before now through `MONTHS_AHEAD` after it. */
  async ensureAround(now: number): Promise<void> {
    const months = [monthStart(now)];
    let month = months[0]!;
    for (let i = 0; i < MONTHS_AHEAD; i++) months.push((month = nextMonth(month)));
    const date = new Date(months[0]!);
    months.push(monthAt(date.getUTCFullYear(), date.getUTCMonth() - 1));
    await this.ensure(months);
  }

  /** Makes sure a partition exists for the month of each of these instants. */
  async ensureFor(instants: readonly number[]): Promise<void> {
    await this.ensure(instants.map(monthStart));
  }

  async ensure(monthStarts: readonly number[]): Promise<void> {
    const missing = [...new Set(monthStarts)].filter((start) => !this.#known.has(start));
    if (missing.length === 0) return;
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'audit_events'::regclass`,
      );
      const existing = new Set(rows.map((row) => row.name));
      for (const start of missing) {
        const name = partitionName(start);
        if (existing.has(name)) continue;
        // Each partition carries the tenant wall too, should anyone read it directly.
        await client.query(
          `CREATE TABLE ${name} PARTITION OF audit_events
             FOR VALUES FROM (${start}) TO (${nextMonth(start)});
           ${tenantWall(name)}`,
        );
      }
      await client.query('COMMIT');
      for (const start of missing) this.#known.add(start);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
