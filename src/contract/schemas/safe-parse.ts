import type * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { builtParser, UNCHECKED } from './built-parser.js';

// zod/mini ships no messages ("Invalid input"); English ones are passed per call instead of
// through z.config(), so a host app's own zod configuration is left alone.
const englishMessages = en().localeError;

/**
 * `schema.safeParse` with messages a person can act on ("expected one of …", "Too big …").
 * Valid input, the common case, goes through the schema's built parser (`builtParser`);
 * only a value it does not vouch for is parsed by zod, without the message map first (which
 * costs a third more per call), and with it when that fails, to word the issues.
 */
export function safeParse<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
): z.core.util.SafeParseResult<z.output<S>> {
  const parsed = builtParser(schema)(value);
  if (parsed !== UNCHECKED) return { success: true, data: parsed as z.output<S> };
  const result = schema.safeParse(value);
  return result.success ? result : schema.safeParse(value, { error: englishMessages });
}
