import { MAX_LOG_ENTRIES } from '../../contract/schemas/index.js';

/** Places `start` (inclusive) to `end` (exclusive) of a tenant's log. */
export interface LogRange {
  start: number;
  end: number;
}

/**
 * How far apart, in places per row, a page's rows may lie and still be checked for gaps.
 * Events logged roughly in time order put a page of rows within a few pages' worth of
 * places; a narrow filter spreads them far, and the places between them are the filter's.
 */
const MAX_SPREAD = 8;

/**
 * The places a gap check of a page covers: one before its lowest sequence to one after its
 * highest, so a row deleted at the edge between two pages is seen from either. Null when the
 * page's rows lie too far apart: reading every place between them would cost more than the
 * page did.
 */
export function gapCheckRange(sequences: readonly number[], treeSize: number): LogRange | null {
  const inLog = sequences.filter((sequence) => sequence < treeSize);
  if (inLog.length === 0) return null;
  const start = Math.max(0, Math.min(...inLog) - 1);
  const end = Math.min(treeSize, Math.max(...inLog) + 2);
  const affordable = Math.min(MAX_LOG_ENTRIES, MAX_SPREAD * inLog.length + 2);
  return end - start <= affordable ? { start, end } : null;
}

/** The places of `range` that none of `present` fills, in order. */
export function missingPlaces(range: LogRange, present: ReadonlySet<number>): number[] {
  const missing: number[] = [];
  for (let place = range.start; place < range.end; place++) {
    if (!present.has(place)) missing.push(place);
  }
  return missing;
}
