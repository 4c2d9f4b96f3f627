import { FILTER_FIELDS, type FilterField } from '../../contract/field-table.js';
import { filterFields, type ListFilter } from '../../contract/schemas/index.js';

/** The range words of the language; they are not event fields. */
export const RANGE_FIELDS = ['after', 'before', 'last'] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

export type SearchField =
  { kind: 'list'; key: ListFilter; row: FilterField } | { kind: 'range'; name: RangeField };

// Built on first use, so an app that never parses a search does not pay for the table.
let byName: Map<string, SearchField> | undefined;

function searchFieldNames(): Map<string, SearchField> {
  if (byName) return byName;
  byName = new Map<string, SearchField>();
  for (const name of RANGE_FIELDS) byName.set(name, { kind: 'range', name });
  for (const [key, row] of filterFields())
    for (const name of [row.field, ...row.aliases]) byName.set(name, { kind: 'list', key, row });
  return byName;
}

/** The field a name (or alias) in a search means, case-insensitively. */
export function searchField(name: string): SearchField | undefined {
  return searchFieldNames().get(name.toLowerCase());
}

/** The name a formatted search uses for a list filter: the event field itself. */
export function fieldName(key: ListFilter): string {
  return FILTER_FIELDS[key].field;
}

/** Every name a search accepts, for messages: `event_type (type)`, …, `after`. */
export function describeFieldNames(): string {
  const lists = filterFields().map(([, row]) =>
    row.aliases.length > 0 ? `${row.field} (${row.aliases.join(', ')})` : row.field,
  );
  return [...lists, ...RANGE_FIELDS].join(', ');
}
