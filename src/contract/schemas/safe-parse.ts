import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini ships no messages ("Invalid input"); English ones are passed per call instead of
// through z.config(), so a host app's own zod configuration is left alone.
const englishMessages = en().localeError;

/**
 * `schema.safeParse` with messages a person can act on ("expected one of …", "Too big …").
 * Valid input, the common case, parses without the message map, which costs a third more
 * per call even when nothing fails; only a failure is parsed again to word its issues.
 */
export function safeParse<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
): z.core.util.SafeParseResult<z.output<S>> {
  const result = schema.safeParse(value);
  return result.success ? result : schema.safeParse(value, { error: englishMessages });
}
