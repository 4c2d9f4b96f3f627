import type { SummaryCounts } from './types.js';

// Apart from types.ts, whose types the server entry re-exports: this is the stores' own.

/** A summary of nothing, to count into. */
export function emptySummaryCounts(): SummaryCounts {
  return {
    total_count: 0,
    event_types: {},
    severities: {},
    resource_types: {},
    min_timestamp: null,
    max_timestamp: null,
    buckets: new Map(),
  };
}
