import * as z from 'zod/mini';
import { AuditLogQuerySchema } from './schemas/query.js';

/**
 * Reading the log is itself recorded, as ordinary events of the tenant: these are the fields
 * that mark an event as an access record (contract, "Access records").
 */
export const ACCESS_RECORD = { event_type: 'data_access', resource_type: 'audit_log' } as const;

/** What the reader did, as the record's `action`. */
export const AccessAction = {
  QUERY: 'audit_log.query',
  VIEW_EVENT: 'audit_log.view_event',
  SUMMARY: 'audit_log.summary',
  EXPORT: 'audit_log.export',
} as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction];

/**
 * An access record's `metadata`, read leniently: a record is an event anyone with write
 * rights could imitate, so a field of the wrong shape is dropped rather than trusted or fatal.
 */
export const AccessMetadataSchema = z.object({
  filters: z.optional(z.catch(z.optional(AuditLogQuerySchema), undefined)),
  result_count: z.optional(z.catch(z.optional(z.int().check(z.gte(0))), undefined)),
  format: z.optional(z.catch(z.optional(z.string()), undefined)),
  event_id: z.optional(z.catch(z.optional(z.string()), undefined)),
  session_kind: z.optional(z.catch(z.optional(z.string()), undefined)),
});
export type AccessMetadata = z.output<typeof AccessMetadataSchema>;
