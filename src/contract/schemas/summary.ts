import * as z from 'zod/mini';
import { EventTypeSchema, SeveritySchema } from './enums.js';
import { CountSchema } from './fields.js';
import { TimestampSchema } from './timestamp.js';

const countsBy = <K extends z.ZodMiniType<string>>(key: K) => z.record(key, CountSchema);

export const TimelineBucketSchema = z.object({
  bucket: TimestampSchema,
  count: CountSchema,
  severities: z.partialRecord(SeveritySchema, CountSchema),
});
export type TimelineBucket = z.output<typeof TimelineBucketSchema>;

export const AuditLogSummarySchema = z.object({
  total_count: CountSchema,
  event_types: z.partialRecord(EventTypeSchema, CountSchema),
  severities: z.partialRecord(SeveritySchema, CountSchema),
  resource_types: countsBy(z.string()),
  date_range: z.object({
    start: z._default(z.nullable(TimestampSchema), null),
    end: z._default(z.nullable(TimestampSchema), null),
  }),
  timeline: z.optional(z.array(TimelineBucketSchema)),
});
export type AuditLogSummary = z.output<typeof AuditLogSummarySchema>;
