import type * as z from 'zod/mini';
import { ValidationError } from './errors/index.js';
import { wireTimestamp } from './wire-timestamp.js';
import {
  AuditLogEventCreateSchema,
  issuesToDetails,
  safeParse,
  type AuditLogEventCreateParsed,
} from '../contract/schemas/index.js';
import type { AuditLogEventInput } from '../contract/input-types.js';

/** Validates before sending with zod itself: a bad field is a `ValidationError` naming it, and nothing is sent. */
export function validateInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  what: string,
  pathPrefix = '',
): z.output<S> {
  const result = safeParse(schema, value);
  if (!result.success) {
    const details = issuesToDetails(result.error, pathPrefix);
    const [path, message] = Object.entries(details)[0]!;
    throw new ValidationError(`Invalid ${what}: ${path}: ${message}`, {
      code: 'validation_error',
      details,
    });
  }
  return result.data;
}

/** The event as it goes on the wire: validated, timestamps normalised, empty fields left out. */
export function validateEvent(
  event: AuditLogEventInput,
  pathPrefix = '',
): Partial<AuditLogEventCreateParsed> {
  const input =
    event.timestamp instanceof Date
      ? { ...event, timestamp: wireTimestamp(event.timestamp) }
      : event;
  const parsed = validateInput(AuditLogEventCreateSchema, input, 'event', pathPrefix);
  // Empty optional fields stay off the wire: a 1000-event batch is noticeably smaller.
  const wire: Record<string, unknown> = {};
  for (const key in parsed) {
    const value = parsed[key as keyof typeof parsed];
    if (value !== null) wire[key] = value;
  }
  return wire as Partial<AuditLogEventCreateParsed>;
}

/**
 * One batch request's body: its events validated (errors name their place in the whole
 * batch) and serialised at once. What stays alive until the request goes out is one string
 * rather than a validated copy of every event, and the caller's objects changing meanwhile
 * (metadata is not copied) cannot change what is sent.
 */
export function batchBody(events: readonly AuditLogEventInput[], start: number, length: number) {
  const wire = new Array<Partial<AuditLogEventCreateParsed>>(length);
  for (let offset = 0; offset < length; offset++) {
    wire[offset] = validateEvent(events[start + offset]!, String(start + offset));
  }
  return JSON.stringify({ audit_logs: wire });
}
