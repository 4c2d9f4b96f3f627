import { excludeKey, filterFields, type ListFilter } from '../../contract/schemas/index.js';
import type { FilterField } from '../../contract/field-table.js';
import type { AuditSearchQuery } from './search-query.js';

const MIDNIGHT = 'T00:00:00.000Z';
const FIELD_LIKE = /^-?[A-Za-z_][A-Za-z0-9_]*:/;

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** A field's value as written: bare when it reads back the same, quoted otherwise. */
function value(text: string): string {
  return text === '' || /[\s"\\]/.test(text) ? quote(text) : text;
}

/** The search text: a bare word when it cannot be mistaken for anything else. */
function searchText(text: string): string {
  return /^[^\s"\\-][^\s"\\]*$/.test(text) && !FIELD_LIKE.test(text) ? text : quote(text);
}

/** A ranked list that is every value at or above (or at or below) one, as a comparison. */
function comparison(row: FilterField, list: readonly string[]): string | null {
  const values = row.values ?? [];
  if (!row.ranked || list.length < 2) return null;
  const same = (part: readonly string[]) =>
    part.length === list.length && part.every((item, i) => item === list[i]);
  if (same(values.slice(0, list.length))) return `>=${list.at(-1)}`;
  if (same(values.slice(values.length - list.length))) return `<=${list[0]}`;
  return null;
}

function listTerms(
  prefix: string,
  row: FilterField,
  list: readonly string[] | undefined,
): string[] {
  if (!list || list.length === 0) return [];
  const compared = comparison(row, list);
  if (compared) return [`${prefix}${row.field}:${compared}`];
  return list.map((item) => `${prefix}${row.field}:${value(item)}`);
}

function dateText(timestamp: string): string {
  return timestamp.endsWith(MIDNIGHT) ? timestamp.slice(0, -MIDNIGHT.length) : timestamp;
}

/**
 * A query as search text, the form `parseAuditSearch` reads back to the same query:
 * filters in field-table order, exclusions, the time range, then the text to search for.
 */
export function formatAuditSearch(query: AuditSearchQuery): string {
  const rows = filterFields();
  const lists = query as Partial<Record<string, readonly string[]>>;
  const terms = [
    ...rows.flatMap(([key, row]) => listTerms('', row, lists[key as ListFilter])),
    ...rows.flatMap(([key, row]) => listTerms('-', row, lists[excludeKey(key)])),
  ];
  if (query.start_date) terms.push(`after:${dateText(String(query.start_date))}`);
  if (query.end_date) terms.push(`before:${dateText(String(query.end_date))}`);
  if (query.last) terms.push(`last:${query.last}`);
  if (query.search) terms.push(searchText(query.search));
  return terms.join(' ');
}
