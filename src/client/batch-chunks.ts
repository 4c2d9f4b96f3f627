import { MAX_BATCH_SIZE } from '../contract/constants.js';

/** A run of a batch's events sent as one request: `length` events from `start`. */
export interface Chunk {
  start: number;
  length: number;
}

/** Events per request: the caller's choice, a whole number from 1 to the contract's limit. */
export function chunkSizeOf(requested: number | undefined): number {
  return Math.min(MAX_BATCH_SIZE, Math.max(1, Math.floor(requested ?? MAX_BATCH_SIZE)));
}

export function chunksOf(count: number, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < count; start += size) {
    chunks.push({ start, length: Math.min(size, count - start) });
  }
  return chunks;
}
