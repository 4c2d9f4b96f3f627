import * as z from 'zod/mini';
import { FACET_FIELDS } from '../filter-lists.js';
import { CountSchema } from './fields.js';

export { FACET_FIELDS, type FacetField } from '../filter-lists.js';

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
