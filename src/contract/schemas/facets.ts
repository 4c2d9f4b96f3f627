import * as z from 'zod/mini';
import { FILTER_FIELDS, type ListFilter } from '../field-table.js';
import { CountSchema } from './fields.js';

/** An event field facets count: every facetable row of the field table, by its field name. */
export type FacetField = (typeof FILTER_FIELDS)[ListFilter]['field'];

/** The facetable fields in field-table order, the order a sidebar lists them in. */
export const FACET_FIELDS = Object.values(FILTER_FIELDS)
  .filter((row) => row.facetable)
  .map((row) => row.field) as readonly FacetField[] as readonly [FacetField, ...FacetField[]];

export const FacetFieldSchema = z.enum(FACET_FIELDS);

export const FacetValueSchema = z.object({ value: z.string(), count: CountSchema });
export type FacetValue = z.output<typeof FacetValueSchema>;

/**
 * Counts of the most frequent values of each field asked for, over the filtered events:
 * count descending, then value ascending (code-point order); null values are not counted.
 */
export const FacetsResponseSchema = z.object({
  total: CountSchema,
  facets: z.record(z.string(), z.array(FacetValueSchema)),
});
export type FacetsResponse = z.output<typeof FacetsResponseSchema>;
