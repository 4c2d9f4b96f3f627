import type { AuditLogEventCreate } from './schemas/event.js';
import type { AuditLogQuery } from './schemas/query.js';

/** Timestamps may be given as `Date` or as any string form the contract accepts. */
export type TimestampInput = Date | string;

export type AuditLogQueryInput = Omit<AuditLogQuery, 'start_date' | 'end_date'> & {
  start_date?: TimestampInput | undefined;
  end_date?: TimestampInput | undefined;
};

export type AuditLogEventInput = Omit<AuditLogEventCreate, 'timestamp'> & {
  timestamp?: TimestampInput | null | undefined;
};
