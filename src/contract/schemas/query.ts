import * as z from 'zod/mini';
import {
  ExportFormatSchema,
  SortFieldSchema,
  SortOrderSchema,
  SummaryIntervalSchema,
} from './enums.js';
import { CSV_COLUMNS } from './export.js';
import { TimestampSchema } from './timestamp.js';
import { noNul } from './fields.js';
import { FILTER_FIELDS, type FilterField, type ListFilter } from '../field-table.js';
import {
  DEFAULT_FACET_LIMIT,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_FACET_LIMIT,
  MAX_PAGE_SIZE,
} from '../constants.js';
import { FacetFieldSchema } from './facets.js';

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

type ListShape = {
  [K in ListFilter]: z.ZodMiniOptional<z.ZodMiniArray<(typeof FILTER_FIELDS)[K]['item']>>;
} & {
  [K in ListFilter as `exclude_${K}`]: z.ZodMiniOptional<
    z.ZodMiniArray<(typeof FILTER_FIELDS)[K]['item']>
  >;
};
const listShape = Object.fromEntries([
  ...filterFields().map(([key, row]) => [key, z.optional(z.array(row.item))]),
  ...filterFields().map(([key, row]) => [excludeKey(key), z.optional(z.array(row.item))]),
]) as ListShape;

/** Filters shared by the event list, the export and the summary (the seed's `AuditLogQuery`). */
const filterShape = {
  start_date: z.optional(TimestampSchema),
  end_date: z.optional(TimestampSchema),
  ...listShape,
  search: z.optional(z.string().check(z.maxLength(500), noNul)),
};
const queryShape = {
  ...filterShape,
  sort_by: z._default(SortFieldSchema, DEFAULT_SORT.sort_by),
  sort_order: z._default(SortOrderSchema, DEFAULT_SORT.sort_order),
};

/** A range that ends before it starts matches nothing; that is a mistake worth naming. */
const orderedRange = z.superRefine(
  (query: { start_date?: string | undefined; end_date?: string | undefined }, ctx) => {
    if (query.start_date && query.end_date && query.start_date > query.end_date) {
      ctx.issues.push({
        code: 'custom',
        input: query,
        path: ['end_date'],
        message: 'end_date must not be before start_date',
      });
    }
  },
);

export const AuditLogQuerySchema = z.object(queryShape).check(orderedRange);
export type AuditLogQuery = z.input<typeof AuditLogQuerySchema>;
export type AuditLogQueryParsed = z.output<typeof AuditLogQuerySchema>;

/** Page numbers arrive as query strings; digits only, so `1e3` or `2.5` are refused. */
const intParam = (min: number, max: number, fallback: number) =>
  z._default(
    z.pipe(
      z.union([z.int(), z.string().check(z.regex(/^\d{1,9}$/, 'Must be a whole number'))]),
      z.pipe(
        z.transform((value: number | string) => Number(value)),
        z.int().check(z.gte(min), z.lte(max)),
      ),
    ),
    fallback,
  );

export const PaginationSchema = z.object({
  page: intParam(1, 1_000_000_000, 1),
  size: intParam(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
});
export type Pagination = z.input<typeof PaginationSchema>;

export const EventListParamsSchema = z
  .object({ ...queryShape, ...PaginationSchema.shape })
  .check(orderedRange);
export const SummaryParamsSchema = z
  .object({ ...queryShape, interval: z.optional(SummaryIntervalSchema) })
  .check(orderedRange);
export const ExportParamsSchema = z
  .object({
    ...queryShape,
    format: z._default(ExportFormatSchema, 'json'),
    /** Keep only these fields, in this order (repeated parameter); all of them when absent. */
    columns: z.optional(z.array(z.enum(CSV_COLUMNS))),
  })
  .check(orderedRange);

/** The query's filters, no sort (counts have no order), the fields to count and how many values. */
export const FacetsParamsSchema = z
  .object({
    ...filterShape,
    /** Repeated parameter; at least one. */
    fields: z.array(FacetFieldSchema).check(z.minLength(1, 'Name at least one field to count')),
    limit: intParam(1, MAX_FACET_LIMIT, DEFAULT_FACET_LIMIT),
  })
  .check(orderedRange);
export type FacetsParams = z.input<typeof FacetsParamsSchema>;
