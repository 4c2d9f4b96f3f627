import type * as z from 'zod/mini';

/**
 * What a generated validator answers for a value it does not vouch for: an invalid value, or
 * (rarely, for values no JSON document holds) one it cannot judge. zod then has the last word.
 */
export const DOUBT: unique symbol = Symbol('doubt');

/** A validator generated from a schema: the schema's output for a valid value, else `DOUBT`. */
export type Check<T> = (value: unknown) => T | typeof DOUBT;

/**
 * A schema's generated validator, with the schema itself behind `import()`: code that loads
 * first checks values without zod, and loads zod only to decide a doubt and word its error.
 */
export interface Checked<T> {
  check: Check<T>;
  schema: () => Promise<z.ZodMiniType<T>>;
}
