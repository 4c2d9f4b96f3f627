import type { AuditLogEvent, AuditLogQueryInput, FacetField } from '../../client/index.js';
import { facetFilter } from '../../contract/facet-filter.js';
import { excludeKey } from '../../contract/filter-lists.js';
import { compactQuery } from '../filters/filter-model.js';

/** An event field a filter matches by exact value: what a pivot can narrow or exclude by. */
export type PivotField = FacetField;

/** How a pivot changes the query: to this value alone, or everything but it. */
export type PivotMode = 'include' | 'exclude';

/** One resource, as the events of its history name it. */
export interface ResourceRef {
  resource_type: string;
  resource_id: string;
}

/** Called with the field, its value on the event and how to pivot on it. */
export type FilterValueHandler = (field: PivotField, value: string, mode: PivotMode) => void;

export type ResourceHistoryHandler = (resource: ResourceRef) => void;

/** What a field's menu does; a part shows a menu only for the handlers it is given. */
export interface PivotHandlers {
  onFilterValue?: FilterValueHandler | undefined;
  onShowResourceHistory?: ResourceHistoryHandler | undefined;
}

const listOf = (query: AuditLogQueryInput, key: string): readonly string[] =>
  ((query as Readonly<Record<string, readonly string[] | undefined>>)[key] ??
    []) as readonly string[];

/**
 * The query narrowed to `value` of `field` (its list becomes that one value: other values
 * picked before would widen it again), or with `value` left out; the value leaves the other
 * list, so a pivot never contradicts itself. Every other filter stays.
 */
export function pivotQuery(
  query: AuditLogQueryInput,
  field: PivotField,
  value: string,
  mode: PivotMode,
): AuditLogQueryInput {
  const key = facetFilter(field);
  const exclude = excludeKey(key);
  const included = listOf(query, key).filter((item) => item !== value);
  const excluded = listOf(query, exclude).filter((item) => item !== value);
  return compactQuery({
    ...query,
    [key]: mode === 'include' ? [value] : included,
    [exclude]: mode === 'exclude' ? [...excluded, value] : excluded,
  } as AuditLogQueryInput);
}

/** The event's value of a field, or null when the event has none. */
export function pivotValue(event: AuditLogEvent, field: PivotField): string | null {
  const value = event[field];
  return value === null || value === '' ? null : String(value);
}

/** The resource an event is about, when it names one by id. */
export function resourceOf(event: AuditLogEvent): ResourceRef | null {
  return event.resource_id === null || event.resource_id === ''
    ? null
    : { resource_type: event.resource_type, resource_id: event.resource_id };
}

/** Every event of one resource, oldest first: the query its history reads. */
export function resourceHistoryQuery(resource: ResourceRef): AuditLogQueryInput {
  return {
    resource_types: [resource.resource_type],
    resource_ids: [resource.resource_id],
    sort_by: 'timestamp',
    sort_order: 'asc',
  };
}
