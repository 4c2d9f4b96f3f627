import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { canonicalLeafAroundSequence } from '../../src/contract/leaf.js';
import type { InsertEventsResult } from '../../src/server/store/types.js';
import { searchText } from './event-sql.js';
import { ROLLUP_KEY, rollupDeltas } from './event-rollups.js';
import { facetRollupDeltas } from './facet-rollups.js';
import { eventValues, INSERT_EVENT_COLUMNS } from './sqlite-rows.js';

// Everything a batch's write needs that the database does not decide (its rows, search
// texts, leaves, rollup changes) is worked out before the write lock. Only the sequence
// numbers wait for the lock. With the writer on its own thread this part runs on the
// request's thread, so the writer, the busier of the two, only writes.

export type SqlValue = string | number | null;

export interface PreparedBatch {
  ids: string[];
  /** Values for `INSERT_EVENT_COLUMNS`; the sequence is filled in under the lock. */
  rows: SqlValue[][];
  searchTexts: string[];
  /** Each leaf's canonical JSON before and after its sequence number. */
  leaves: [before: string, after: string][];
  /** Parameters of the rollup upserts, in key order. */
  rollups: SqlValue[][];
  facetRollups: SqlValue[][];
}

export const SEQUENCE_AT = INSERT_EVENT_COLUMNS.indexOf('sequence');

export function prepareBatch(events: readonly AuditLogEvent[]): PreparedBatch {
  return {
    ids: events.map((event) => event.id),
    rows: events.map(eventValues),
    searchTexts: events.map(searchText),
    leaves: events.map(canonicalLeafAroundSequence),
    rollups: rollupDeltas(events).map((delta) => [
      ...ROLLUP_KEY.map((column) => delta[column]),
      delta.n,
      delta.first_at,
      delta.last_at,
    ]),
    facetRollups: facetRollupDeltas(events).map((delta) => [
      delta.tenant_id,
      delta.field,
      delta.span,
      delta.start,
      delta.value,
      delta.n,
    ]),
  };
}

/** A prepared batch's outcome: a new batch answers only where its numbering starts. */
export type PreparedInsertResult =
  { status: 'created'; firstSequence: number } | Exclude<InsertEventsResult, { status: 'created' }>;

export function storedResult(
  events: readonly AuditLogEvent[],
  result: PreparedInsertResult,
): InsertEventsResult {
  if (result.status !== 'created') return result;
  const { firstSequence } = result;
  return {
    status: 'created',
    events: events.map((event, offset) => ({ ...event, sequence: firstSequence + offset })),
  };
}
