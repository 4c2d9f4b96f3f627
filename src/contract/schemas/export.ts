import * as z from 'zod/mini';
import { AuditLogEventSchema } from './event.js';
import { CountSchema } from './fields.js';
import { TimestampSchema } from './timestamp.js';

/** Largest JSON export; CSV streams and has no such limit. */
export const MAX_JSON_EXPORT_ROWS = 100_000;

export const AuditLogExportSchema = z.object({
  data: z.array(AuditLogEventSchema),
  format: z.literal('json'),
  count: CountSchema,
  generated_at: TimestampSchema,
});
export type AuditLogExport = z.output<typeof AuditLogExportSchema>;

/**
 * CSV columns, in order; the header row uses these names. They are also what an export's
 * `columns` parameter may name, for CSV and JSON alike.
 */
export const CSV_COLUMNS = [
  'id',
  'timestamp',
  'tenant_id',
  'event_type',
  'severity',
  'action',
  'resource_type',
  'resource_id',
  'user_id',
  'ip_address',
  'user_agent',
  'session_id',
  'correlation_id',
  'description',
  'metadata',
  'created_at',
  'sequence',
] as const;
export type ExportColumn = (typeof CSV_COLUMNS)[number];
