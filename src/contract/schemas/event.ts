import * as z from 'zod/mini';
import { EventTypeSchema, SeveritySchema } from './enums.js';
import { CountSchema, IdSchema, optionalText, orNull, requiredText } from './fields.js';
import { TimestampSchema } from './timestamp.js';
import { MAX_BATCH_SIZE, MAX_METADATA_DEPTH } from '../constants.js';
import { isPlainObject, withinMetadataDepth } from '../value-checks.js';

export { MAX_BATCH_SIZE, MAX_METADATA_DEPTH };

/** Descriptions may be long (stack traces, diffs) but are bounded so one event cannot fill a store. */
export const MAX_DESCRIPTION_LENGTH = 1_048_576;
/**
 * Any JSON object, kept as it came rather than copied key by key: a copy made by assignment
 * would turn an own `__proto__` key into a prototype change and lose it. Such keys are data.
 */
/** Any JSON object, kept as it came (see `MetadataSchema`). */
export const JsonObjectSchema = z.custom<Record<string, unknown>>(isPlainObject, {
  message: 'Expected a JSON object',
});

export const MetadataSchema = JsonObjectSchema.check(
  z.refine(withinMetadataDepth, {
    message: `Metadata may nest at most ${MAX_METADATA_DEPTH} levels deep`,
  }),
);

const eventFields = {
  event_type: EventTypeSchema,
  resource_type: requiredText(255),
  action: requiredText(255),
  severity: SeveritySchema,
  description: requiredText(MAX_DESCRIPTION_LENGTH),
  resource_id: optionalText(255),
  metadata: orNull(MetadataSchema),
  ip_address: optionalText(255),
  user_agent: optionalText(1024),
  session_id: optionalText(255),
  correlation_id: optionalText(255),
  user_id: optionalText(255),
};

/** What a writer sends: the five required fields, everything else optional. */
export const AuditLogEventCreateSchema = z.object({
  ...eventFields,
  timestamp: orNull(TimestampSchema),
});
export type AuditLogEventCreate = z.input<typeof AuditLogEventCreateSchema>;
/** An event to create after validation: optional fields are `null`, timestamps normalised. */
export type AuditLogEventCreateParsed = z.output<typeof AuditLogEventCreateSchema>;

export const AuditLogEventBatchCreateSchema = z.object({
  audit_logs: z
    .array(AuditLogEventCreateSchema)
    .check(
      z.minLength(1, 'A batch needs at least one event'),
      z.maxLength(MAX_BATCH_SIZE, `A batch holds at most ${MAX_BATCH_SIZE} events`),
    ),
});
export type AuditLogEventBatchCreate = z.input<typeof AuditLogEventBatchCreateSchema>;

const answeredText = z._default(z.nullable(z.string()), null);

/**
 * A stored event as the server answers it. Shapes and enums are checked, but not the
 * writer's length limits: the server enforced those, and pages of thousands are validated.
 */
export const AuditLogEventSchema = z.object({
  event_type: EventTypeSchema,
  resource_type: z.string(),
  action: z.string(),
  severity: SeveritySchema,
  description: z.string(),
  resource_id: answeredText,
  metadata: z._default(z.nullable(JsonObjectSchema), null),
  ip_address: answeredText,
  user_agent: answeredText,
  session_id: answeredText,
  correlation_id: answeredText,
  user_id: answeredText,
  id: IdSchema,
  tenant_id: IdSchema,
  timestamp: TimestampSchema,
  created_at: TimestampSchema,
  /** Position in the tenant's log (tamper evidence); servers without it leave it out. */
  sequence: z.optional(CountSchema),
});
export type AuditLogEvent = z.output<typeof AuditLogEventSchema>;

export const AuditLogEventListSchema = z.array(AuditLogEventSchema);

export const PaginatedAuditLogsSchema = z.object({
  items: z.array(AuditLogEventSchema),
  total: CountSchema,
  page: z.int().check(z.gte(1)),
  size: z.int().check(z.gte(1)),
  pages: CountSchema,
});
export type PaginatedAuditLogs = z.output<typeof PaginatedAuditLogsSchema>;
