import * as z from 'zod/mini';
import { isCanonical, normalizeOrKeep } from '../timestamp.js';

export { normalizeTimestamp, parseTimestamp } from '../timestamp.js';

/** The string side of a timestamp, before normalising; named so the OpenAPI document can mark it. */
export const TimestampString = z.string();

/**
 * Any accepted timestamp string, output normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`. A string
 * check that rewrites in place rather than a pipe + transform: the same result at a
 * fraction of the cost per value, which matters when a page holds thousands.
 */
export const TimestampSchema = TimestampString.check(
  z.overwrite(normalizeOrKeep),
  z.refine(isCanonical, {
    message: 'Invalid timestamp: expected ISO-8601 such as 2026-01-02T03:04:05Z',
  }),
);
