import * as z from 'zod/mini';
import { hasNoNul } from '../value-checks.js';

/**
 * U+0000 is refused in every text field the API stores or matches on: PostgreSQL's text
 * cannot hold it, and one store keeping it while another fails would answer differently.
 * Metadata keeps it: stored as JSON, the character is the escape `\u0000`, which every store
 * holds as written.
 */
export const noNul = z.refine<string>(hasNoNul, {
  message: 'Must not contain the character U+0000',
});

/** A required text field of bounded length. */
export function requiredText(max: number) {
  return z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max), noNul);
}

/** An optional text field: absent or `null` on input, always `null` when missing on output. */
export function optionalText(max: number) {
  return z._default(z.nullable(z.string().check(z.maxLength(max), noNul)), null);
}

/** An optional field of any schema, normalised to `null` when missing. */
export function orNull<T extends z.ZodMiniType>(schema: T) {
  return z._default(z.nullable(schema), null);
}

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(128));
export const CountSchema = z.int().check(z.gte(0));
