// The query's list filters as parts of its generated validator, read from the field table
// when the module loads, as the query schema reads them: a row added to the table is checked
// by the validators without generating them again.
import { excludeKey, filterFields } from './filter-lists.js';
import { array, oneOf, optional, SKIPPED, type Part } from './validator-parts.js';

/**
 * Each list filter and its `exclude_` twin, in the query schema's order: an optional list of
 * the row's values, or of `text` for a row without fixed values.
 */
export function listFilterFields(text: Part): [string, Part, typeof SKIPPED][] {
  const lists = filterFields().map(
    ([key, row]) => [key, optional(array(row.values ? oneOf(row.values) : text))] as const,
  );
  return [...lists, ...lists.map(([key, part]) => [excludeKey(key), part] as const)].map(
    ([key, part]) => [key, part, SKIPPED],
  );
}
