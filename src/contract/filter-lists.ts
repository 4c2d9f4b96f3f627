// What the field table's users derive from it without checking values: names, lists and
// the fields `search` and facets reach. Apart from the schemas, so code that only names
// filters (the URL codec, the sidebar, the hooks) loads no zod.
import { FILTER_FIELDS, type FilterField, type ListFilter } from './field-table.js';

export type { ListFilter };

/** The table's rows as `[filter, row]` pairs, in table order. */
export function filterFields(): [ListFilter, FilterField][] {
  return Object.entries(FILTER_FIELDS) as [ListFilter, FilterField][];
}

/** The filter lists of a query; each travels as a repeated query parameter. */
export const LIST_FILTERS: readonly ListFilter[] = filterFields().map(([key]) => key);

/** What `search` matches, case-insensitively: the description and every searchable field. */
export const SEARCH_FIELDS: readonly string[] = [
  'description',
  ...filterFields()
    .filter(([, row]) => row.searchable)
    .map(([, row]) => row.field),
];

/** A list filter's negation: events whose field is in the list are left out. */
export type ExcludeFilter = `exclude_${ListFilter}`;

/** The name of `key`'s negation, `exclude_<key>`, as the contract spells it. */
export function excludeKey<K extends ListFilter>(key: K): `exclude_${K}` {
  return `exclude_${key}`;
}

/** An event field facets count: every facetable row of the field table, by its field name. */
export type FacetField = (typeof FILTER_FIELDS)[ListFilter]['field'];

/** The facetable fields in field-table order, the order a sidebar lists them in. */
export const FACET_FIELDS = Object.values(FILTER_FIELDS)
  .filter((row) => row.facetable)
  .map((row) => row.field) as readonly FacetField[] as readonly [FacetField, ...FacetField[]];
