import type * as z from 'zod/mini';
import { issuesToDetails, safeParse } from '../../contract/schemas/index.js';
import { validationError } from './api-error.js';

/** Parses a JSON body text against a schema; every failure is a 400 naming the fields. */
export function parseJsonBody<S extends z.ZodMiniType>(text: string, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw validationError('Request body is not valid JSON');
  }
  if (value === undefined) throw validationError('Request body is empty; send a JSON object');
  const result = safeParse(schema, value);
  if (!result.success) {
    throw validationError('Request body is invalid', issuesToDetails(result.error));
  }
  return result.data;
}

/** Whether a field of a schema takes a list, which travels as a repeated parameter. */
function takesList(field: z.core.$ZodType | undefined): boolean {
  let def = field?._zod.def;
  while (def?.type === 'optional' || def?.type === 'default') {
    def = (def as z.core.$ZodOptionalDef).innerType._zod.def;
  }
  return def?.type === 'array';
}

/**
 * Reads URL parameters into the shape of `schema`: list filters from repeated parameters,
 * everything else from a single one. Unknown or repeated scalar parameters are refused
 * rather than ignored, so a typo never silently widens a query.
 */
export function parseSearchParams<S extends z.ZodMiniObject>(
  params: URLSearchParams,
  schema: S,
): z.output<S> {
  const known = new Set(Object.keys(schema.shape));
  const raw: Record<string, string | string[]> = {};
  const details: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (!known.has(name)) {
      details[name] = 'Unknown query parameter';
    } else if (takesList(schema.shape[name])) {
      raw[name] = values.filter((value) => value !== '');
    } else if (values.length > 1) {
      details[name] = 'Give this parameter once';
    } else if (values[0] !== '') {
      raw[name] = values[0]!;
    }
  }
  const result = safeParse(schema, raw);
  if (!result.success) Object.assign(details, issuesToDetails(result.error));
  if (!result.success || Object.keys(details).length > 0) {
    throw validationError('Invalid query parameters', details);
  }
  return result.data;
}
