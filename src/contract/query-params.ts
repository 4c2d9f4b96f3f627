import { LIST_FILTERS } from './filter-lists.js';
import type { AuditLogQuery } from './schemas/query.js';

type ParamValue = string | number | boolean | Date | null | undefined;

function toParam(value: Exclude<ParamValue, null | undefined>): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

const LIST_KEYS: ReadonlySet<string> = new Set(LIST_FILTERS);

/**
 * A query as URL parameters, lists as repeated parameters (`severities=error&severities=critical`),
 * which is what the contract asks for and what the Python SDK got wrong by sending only the last value.
 */
export function toSearchParams(
  query: Readonly<Record<string, ParamValue | readonly ParamValue[]>> | AuditLogQuery,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly ParamValue[]) {
        if (item !== undefined && item !== null && item !== '') params.append(key, toParam(item));
      }
    } else {
      params.set(key, toParam(value as Exclude<ParamValue, null | undefined>));
    }
  }
  return params;
}

/** Whether a parameter name is one of the repeated list filters. */
export function isListFilter(name: string): boolean {
  return LIST_KEYS.has(name);
}
