import * as z from 'zod/mini';
import {
  EventTypeSchema,
  ExportFormatSchema,
  SeveritySchema,
  SortFieldSchema,
  SortOrderSchema,
  SummaryIntervalSchema,
} from './enums.js';
import { CSV_COLUMNS } from './export.js';
import { TimestampSchema } from './timestamp.js';
import { noNul } from './fields.js';
import type { FILTER_FIELDS, FilterField } from '../field-table.js';
import { EVENT_TYPES, SEVERITIES } from '../enum-values.js';
import { excludeKey, filterFields, type ListFilter } from '../filter-lists.js';
import { isOrderedRange, toNumber } from '../value-checks.js';
import {
  DEFAULT_FACET_LIMIT,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_FACET_LIMIT,
  MAX_PAGE_SIZE,
} from '../constants.js';
import { FacetFieldSchema } from './facets.js';

export {
  excludeKey,
  filterFields,
  LIST_FILTERS,
  SEARCH_FIELDS,
  type ExcludeFilter,
  type ListFilter,
} from '../filter-lists.js';

/** A text value of a list filter. */
const textItem = z.string().check(z.minLength(1), z.maxLength(255), noNul);

/** The schema of one value of a list filter: its row's enum, or bounded text. */
type ItemOf<R> = R extends { values: typeof EVENT_TYPES }
  ? typeof EventTypeSchema
  : R extends { values: typeof SEVERITIES }
    ? typeof SeveritySchema
    : typeof textItem;
const ENUM_ITEMS = new Map<readonly string[], z.ZodMiniType<string>>([
  [EVENT_TYPES, EventTypeSchema],
  [SEVERITIES, SeveritySchema],
]);

/** What one value of `row`'s list must be. */
export function itemSchema<R extends FilterField>(row: R): ItemOf<R> {
  if (!row.values) return textItem as ItemOf<R>;
  const schema = ENUM_ITEMS.get(row.values);
  if (!schema) throw new Error(`No enum schema for the values of ${row.field}`);
  return schema as ItemOf<R>;
}

type ListShape = {
  [K in ListFilter]: z.ZodMiniOptional<z.ZodMiniArray<ItemOf<(typeof FILTER_FIELDS)[K]>>>;
} & {
  [K in ListFilter as `exclude_${K}`]: z.ZodMiniOptional<
    z.ZodMiniArray<ItemOf<(typeof FILTER_FIELDS)[K]>>
  >;
};
const listShape = Object.fromEntries([
  ...filterFields().map(([key, row]) => [key, z.optional(z.array(itemSchema(row)))]),
  ...filterFields().map(([key, row]) => [excludeKey(key), z.optional(z.array(itemSchema(row)))]),
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
const orderedRange = z.refine<{ start_date?: string | undefined; end_date?: string | undefined }>(
  isOrderedRange,
  {
    path: ['end_date'],
    message: 'end_date must not be before start_date',
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
      z.pipe(z.transform(toNumber), z.int().check(z.gte(min), z.lte(max))),
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
