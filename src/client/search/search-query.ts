import type { AuditLogQuery, ExcludeFilter, ListFilter } from '../../contract/schemas/index.js';

/**
 * A span back from now: a whole number of minutes, hours, days or weeks (`15m`, `24h`, `7d`,
 * `2w`). `resolveAuditSearch` (relative-time.ts) says how it becomes a `start_date`.
 */
export type RelativeDuration = `${number}${'m' | 'h' | 'd' | 'w'}`;

/**
 * What a search text says: the list filters and their `exclude_*` negations, the free-text
 * `search`, an absolute range (`start_date`, `end_date`) or a relative one (`last`), which
 * stays relative until `resolveAuditSearch` turns it into a `start_date` at query time.
 */
export type AuditSearchQuery = Pick<
  AuditLogQuery,
  ListFilter | ExcludeFilter | 'search' | 'start_date' | 'end_date'
> & {
  last?: RelativeDuration | undefined;
};

/** Why part of a search text was not understood; that part is left out of the query. */
export type AuditSearchErrorCode =
  | 'unknown_field'
  | 'invalid_value'
  | 'invalid_date'
  | 'invalid_duration'
  | 'missing_value'
  | 'unterminated_quote'
  | 'invalid_exclusion'
  | 'conflict';

export interface AuditSearchError {
  code: AuditSearchErrorCode;
  /** A sentence saying what is wrong and how to write it instead. */
  message: string;
  /** Offsets into the text (UTF-16 code units, as `String.slice` counts): the part to underline. */
  start: number;
  end: number;
}

export interface AuditSearchResult {
  /** Everything that was understood; a part with an error is left out. */
  query: AuditSearchQuery;
  errors: AuditSearchError[];
}
