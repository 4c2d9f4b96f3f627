import * as z from 'zod/mini';

/** A required text field of bounded length. */
export function requiredText(max: number) {
  return z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(max));
}

/** An optional text field: absent or `null` on input, always `null` when missing on output. */
export function optionalText(max: number) {
  return z._default(z.nullable(z.string().check(z.maxLength(max))), null);
}

/** An optional field of any schema, normalised to `null` when missing. */
export function orNull<T extends z.ZodMiniType>(schema: T) {
  return z._default(z.nullable(schema), null);
}

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(128));
export const CountSchema = z.int().check(z.gte(0));
