import * as z from 'zod/mini';
import { EventTypeSchema, SeveritySchema, SummaryIntervalSchema } from './enums.js';
import { CountSchema } from './fields.js';
import { TimestampSchema } from './timestamp.js';

const countsBy = <K extends z.ZodMiniType<string>>(key: K) => z.record(key, CountSchema);

export const TimelineBucketSchema = z.object({
  bucket: TimestampSchema,
  count: CountSchema,
  severities: z.partialRecord(SeveritySchema, CountSchema),
});
export type TimelineBucket = z.output<typeof TimelineBucketSchema>;

/**
 * Extension: present when the server kept `limit` resource types (the most frequent) and
 * folded the rest, `types` of them holding `count` events, into this entry.
 */
export const ResourceTypesOtherSchema = z.object({
  limit: CountSchema,
  types: CountSchema,
  count: CountSchema,
});

/**
 * Extension: present when the timeline asked for would have had more than `max_buckets`
 * buckets. The server then counted by a coarser `interval` and, if that was still too many,
 * drew only `start`–`end`; `events_outside` matching events fall outside it.
 */
export const TimelineAdjustedSchema = z.object({
  interval: SummaryIntervalSchema,
  max_buckets: CountSchema,
  start: TimestampSchema,
  end: TimestampSchema,
  events_outside: CountSchema,
});
export type TimelineAdjusted = z.output<typeof TimelineAdjustedSchema>;

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
  resource_types_other: z.optional(ResourceTypesOtherSchema),
  timeline_adjusted: z.optional(TimelineAdjustedSchema),
});
export type AuditLogSummary = z.output<typeof AuditLogSummarySchema>;
