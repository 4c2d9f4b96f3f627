import type { AuditLogQueryInput, FacetField, FacetValue } from '../../client/index.js';
import { facetFilter } from '../../contract/facet-filter.js';
import { excludeKey } from '../../contract/filter-lists.js';
import { compactQuery } from '../filters/filter-model.js';

/** How a value stands in the query: picked, left out, or neither. */
export type FacetValueState = 'included' | 'excluded' | 'off';

function listOf(query: AuditLogQueryInput, key: string): readonly string[] {
  return ((query as Readonly<Record<string, readonly string[] | undefined>>)[key] ??
    []) as readonly string[];
}

export function facetValueState(
  query: AuditLogQueryInput,
  field: FacetField,
  value: string,
): FacetValueState {
  const key = facetFilter(field);
  if (listOf(query, key).includes(value)) return 'included';
  if (listOf(query, excludeKey(key)).includes(value)) return 'excluded';
  return 'off';
}

/**
 * The query with `value` of `field` moved to `to`: picking a value takes it out of the
 * exclusions and the other way round, and a value already there is taken out (a toggle).
 */
export function setFacetValue(
  query: AuditLogQueryInput,
  field: FacetField,
  value: string,
  to: 'included' | 'excluded',
): AuditLogQueryInput {
  const key = facetFilter(field);
  const exclude = excludeKey(key);
  const now = facetValueState(query, field, value);
  const include = listOf(query, key).filter((item) => item !== value);
  const excluded = listOf(query, exclude).filter((item) => item !== value);
  if (now !== to) (to === 'included' ? include : excluded).push(value);
  return compactQuery({ ...query, [key]: include, [exclude]: excluded } as AuditLogQueryInput);
}

/**
 * What a field's list shows: the counted values, then any value the query picks or leaves
 * out that the counts do not hold (so it can always be taken back), without a count.
 */
export function facetRows(
  query: AuditLogQueryInput,
  field: FacetField,
  values: readonly FacetValue[],
): { value: string; count: number | undefined }[] {
  const key = facetFilter(field);
  const counted = new Set(values.map((item) => item.value));
  const extra = [...listOf(query, key), ...listOf(query, excludeKey(key))].filter(
    (value) => !counted.has(value),
  );
  return [
    ...values.map(({ value, count }) => ({ value, count: count as number | undefined })),
    ...[...new Set(extra)].map((value) => ({ value, count: undefined })),
  ];
}
