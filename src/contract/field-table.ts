import { EVENT_TYPES, SEVERITIES } from './enum-values.js';

export interface FilterField {
  /** The event field the filter matches, by exact value. */
  field: string;
  /**
   * How a person sets it: `enum` is picked from fixed values (with counts), `text` is typed
   * in the filter bar, `exact` is set from a row or a link and shown as a chip only. A value
   * of an `enum` filter is one of `values`; of the others, text (`schemas/query.ts`).
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
    kind: 'enum',
    values: EVENT_TYPES,
    sortable: true,
    searchable: false,
    facetable: true,
    aliases: ['type'],
  },
  resource_types: {
    field: 'resource_type',
    kind: 'text',
    sortable: true,
    searchable: true,
    facetable: true,
    aliases: [],
  },
  resource_ids: {
    field: 'resource_id',
    kind: 'exact',
    sortable: false,
    searchable: true,
    facetable: true,
    aliases: ['resource'],
  },
  actions: {
    field: 'action',
    kind: 'exact',
    sortable: true,
    searchable: true,
    facetable: true,
    aliases: [],
  },
  severities: {
    field: 'severity',
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
    kind: 'text',
    sortable: true,
    searchable: true,
    facetable: true,
    aliases: ['user', 'actor'],
  },
  ip_addresses: {
    field: 'ip_address',
    kind: 'text',
    sortable: false,
    searchable: false,
    facetable: true,
    aliases: ['ip'],
  },
  session_ids: {
    field: 'session_id',
    kind: 'text',
    sortable: false,
    searchable: false,
    facetable: true,
    aliases: ['session'],
  },
  correlation_ids: {
    field: 'correlation_id',
    kind: 'text',
    sortable: false,
    searchable: false,
    facetable: true,
    aliases: ['correlation'],
  },
} as const satisfies Record<string, FilterField>;

export type ListFilter = keyof typeof FILTER_FIELDS;
