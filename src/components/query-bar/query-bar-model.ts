import type { AuditLogQueryInput, FacetField, ListFilter } from '../../client/index.js';
import {
  formatAuditSearch,
  type AuditSearchQuery,
  type RelativeDuration,
} from '../../client/search/index.js';
import { FILTER_FIELDS } from '../../contract/field-table.js';
import { excludeKey, filterFields } from '../../contract/filter-lists.js';

/** What the query bar edits: a query, whose start may be relative (`last`). */
export type QueryBarValue = AuditLogQueryInput & { last?: RelativeDuration | undefined };

/** The parts of a query the search language writes; the rest (sort) is kept as it is. */
const LANGUAGE_KEYS: ReadonlySet<string> = new Set([
  ...filterFields().flatMap(([key]) => [key, excludeKey(key)]),
  'search',
  'start_date',
  'end_date',
  'last',
]);

const iso = (value: Date | string | undefined) =>
  value instanceof Date ? value.toISOString() : value;

/** The query as search text. */
export function queryText(value: QueryBarValue): string {
  const { start_date, end_date, ...rest } = value;
  const start = iso(start_date);
  const end = iso(end_date);
  return formatAuditSearch({
    ...(rest as AuditSearchQuery),
    ...(start === undefined ? {} : { start_date: start }),
    ...(end === undefined ? {} : { end_date: end }),
  });
}

/** `value` with its language parts replaced by `parsed`; the sort stays. */
export function withSearch(value: QueryBarValue, parsed: AuditSearchQuery): QueryBarValue {
  const kept = Object.fromEntries(Object.entries(value).filter(([key]) => !LANGUAGE_KEYS.has(key)));
  return { ...kept, ...parsed } as QueryBarValue;
}

/** The word at the caret: where it starts and ends, and how it reads. */
export interface CaretToken {
  start: number;
  end: number;
  negated: boolean;
  /** Set once a colon follows a field name. */
  field?: string;
  /** After the colon (unquoted as far as typed), or the whole word. */
  partial: string;
}

/** The term the caret is in, quotes respected; an empty token between words. */
export function tokenAt(text: string, caret: number): CaretToken {
  let start = 0;
  let quoted = false;
  for (let i = 0; i < caret; i++) {
    const char = text[i]!;
    if (char === '\\' && quoted) i++;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && /\s/.test(char)) start = i + 1;
  }
  let end = caret;
  while (end < text.length && (quoted || !/\s/.test(text[end]!))) {
    if (text[end] === '"') quoted = !quoted;
    end++;
  }
  const word = text.slice(start, caret);
  const match = /^(-?)([A-Za-z_][A-Za-z0-9_]*):(.*)$/s.exec(word);
  if (!match) {
    return { start, end, negated: word.startsWith('-'), partial: word.replace(/^-/, '') };
  }
  return {
    start,
    end,
    negated: match[1] === '-',
    field: match[2]!,
    partial: match[3]!.replace(/^"/, '').replace(/\\(.)/g, '$1'),
  };
}

/** One entry of the suggestion list. */
export interface Suggestion {
  /** Stable within one list. */
  id: string;
  /** What the option shows. */
  label: string;
  /** Shown after the label (a count, or the field a name stands for). */
  detail?: string;
  /** The token's replacement. */
  insert: string;
  /** Whether the list stays open for a value (a field name was picked). */
  continues: boolean;
}

const RANGE_SUGGESTIONS = [
  { name: 'last', hint: '15m, 24h, 7d' },
  { name: 'after', hint: 'YYYY-MM-DD' },
  { name: 'before', hint: 'YYYY-MM-DD' },
] as const;
const DURATIONS: readonly RelativeDuration[] = ['15m', '1h', '24h', '7d', '30d'];

/** A field name or alias as the language reads it, with its list filter. */
export function listFilterOf(name: string): ListFilter | undefined {
  const lowered = name.toLowerCase();
  return filterFields().find(
    ([, row]) => row.field === lowered || (row.aliases as readonly string[]).includes(lowered),
  )?.[0];
}

export interface SuggestionSource {
  /** Counted values of a field, most frequent first; undefined until known. */
  values: (field: FacetField) => readonly { value: string; count: number }[] | undefined;
  /** A value as people read it (severity and event type names). */
  valueName: (key: ListFilter, value: string) => string;
  formatCount: (n: number) => string;
}

/** Field names that start with what is typed, or values of the field typed so far. */
export function suggestionsFor(token: CaretToken, source: SuggestionSource): Suggestion[] {
  const sign = token.negated ? '-' : '';
  if (token.field === undefined) {
    const typed = token.partial.toLowerCase();
    const fields = filterFields()
      .filter(([, row]) => [row.field, ...row.aliases].some((name) => name.startsWith(typed)))
      .map(([, row]) => ({
        id: `field-${row.field}`,
        label: `${row.field}:`,
        insert: `${sign}${row.field}:`,
        continues: true,
      }));
    const ranges = token.negated
      ? []
      : RANGE_SUGGESTIONS.filter(({ name }) => name.startsWith(typed)).map(({ name, hint }) => ({
          id: `field-${name}`,
          label: `${name}:`,
          detail: hint,
          insert: `${name}:`,
          continues: true,
        }));
    return typed === '' && token.negated ? fields : [...fields, ...ranges];
  }
  const typed = token.partial.toLowerCase();
  if (token.field.toLowerCase() === 'last') {
    return DURATIONS.filter((duration) => duration.startsWith(typed)).map((duration) => ({
      id: `last-${duration}`,
      label: duration,
      insert: `last:${duration}`,
      continues: false,
    }));
  }
  const key = listFilterOf(token.field);
  if (!key) return [];
  const row = FILTER_FIELDS[key];
  const counted = source.values(row.field);
  const candidates: { value: string; count?: number }[] =
    row.kind === 'enum'
      ? (row.values ?? []).map((value) => ({
          value,
          ...(counted?.find((item) => item.value === value) ?? {}),
        }))
      : [...(counted ?? [])];
  const list = token.negated ? excludeKey(key) : key;
  return candidates
    .filter(
      ({ value }) =>
        value.toLowerCase().includes(typed) ||
        source.valueName(key, value).toLowerCase().includes(typed),
    )
    .map(({ value, count }) => ({
      id: `value-${row.field}-${value}`,
      label: source.valueName(key, value),
      ...(count === undefined ? {} : { detail: source.formatCount(count) }),
      insert: formatAuditSearch({ [list]: [value] } as AuditSearchQuery),
      continues: false,
    }));
}

/** The text with the token replaced, and where the caret goes. */
export function applySuggestion(
  text: string,
  token: CaretToken,
  suggestion: Suggestion,
): { text: string; caret: number } {
  const after = text.slice(token.end);
  const spacer = suggestion.continues || after.startsWith(' ') ? '' : ' ';
  const head = `${text.slice(0, token.start)}${suggestion.insert}${spacer}`;
  return { text: `${head}${after}`, caret: head.length };
}
