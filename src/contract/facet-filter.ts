import { FILTER_FIELDS, type ListFilter } from './field-table.js';
import type { FacetField } from './schemas/facets.js';

/** The list filter that matches a facet field's values (`action` → `actions`). */
export function facetFilter(field: FacetField): ListFilter {
  const entry = Object.entries(FILTER_FIELDS).find(([, row]) => row.field === field);
  return entry![0] as ListFilter;
}
