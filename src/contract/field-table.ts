import * as z from 'zod/mini';
import { EVENT_TYPES, EventTypeSchema, SEVERITIES, SeveritySchema } from './schemas/enums.js';
import { noNul } from './schemas/fields.js';

/** A text value of a list filter. */
const textItem = z.string().check(z.minLength(1), z.maxLength(255), noNul);

export interface FilterField {
  /** The event field the filter matches, by exact value. */
  field: string;
  /** One value of the filter's list, as the query schema checks it. */
  item: z.ZodMiniType<string>;
  /**
   * How a person sets it: `enum` is picked from fixed values (with counts), `text` is typed
   * in the filter bar, `exact` is set from a row or a link and shown as a chip only.
   */
  kind: 'enum' | 'text' | 'exact';
  /** An `enum` filter's values, in the order they are offered. */
  values?: readonly string[];
  /** `values` run from highest to lowest, so a search may compare (`severity:>=warning`). */
  ranked?: boolean;
  /** `sort_by` accepts the field. */
  sortable: boolean;
  /** `search` looks into the field. */
  searchable: boolean;
  /** Counted by facets. */
  facetable: boolean;
  /** Shorter names the search language accepts for the field (`user:alice`). */
  aliases: readonly string[];
}

/**
 * Every list filter of a query, once (this module holds only the table; what is derived
 * from it lives with its users): the query schemas, the URL codec, both stores' `WHERE`,
 * the OpenAPI parameters and the filter bar and chips are built from this table. A list is
 * sent as a repeated parameter; values OR within a list, lists AND together.
 */
export const FILTER_FIELDS = {
  event_types: {
    field: 'event_type',
    item: EventTypeSchema,
    kind: 'enum',
    values: EVENT_TYPES,
    sortable: true,
    searchable: false,
    facetable: true,
    aliases: ['type'],
  },
  resource_types: {
    field: 'resource_type',
    item: textItem,
    kind: 'text',
    sortable: true,
    searchable: true,
    facetable: true,
    aliases: [],
  },
  resource_ids: {
    field: 'resource_id',
    item: textItem,
    kind: 'exact',
    sortable: false,
    searchable: true,
    facetable: true,
    aliases: ['resource'],
  },
  actions: {
    field: 'action',
    item: textItem,
    kind: 'exact',
    sortable: true,
    searchable: true,
    facetable: true,
    aliases: [],
  },
  severities: {
    field: 'severity',
    item: SeveritySchema,
    kind: 'enum',
    values: SEVERITIES,
    ranked: true,
    sortable: true,
    searchable: false,
    facetable: true,
    aliases: ['level'],
  },
  user_ids: {
    field: 'user_id',
    item: textItem,
    kind: 'text',
    sortable: true,
    searchable: true,
    facetable: true,
    aliases: ['user', 'actor'],
  },
  ip_addresses: {
    field: 'ip_address',
    item: textItem,
    kind: 'text',
    sortable: false,
    searchable: false,
    facetable: true,
    aliases: ['ip'],
  },
  session_ids: {
    field: 'session_id',
    item: textItem,
    kind: 'text',
    sortable: false,
    searchable: false,
    facetable: true,
    aliases: ['session'],
  },
  correlation_ids: {
    field: 'correlation_id',
    item: textItem,
    kind: 'text',
    sortable: false,
    searchable: false,
    facetable: true,
    aliases: ['correlation'],
  },
} as const satisfies Record<string, FilterField>;

export type ListFilter = keyof typeof FILTER_FIELDS;
