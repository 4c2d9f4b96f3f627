import {
  AuditLogQuerySchema,
  excludeKey,
  itemSchema,
  normalizeTimestamp,
  type ListFilter,
} from '../../contract/schemas/index.js';
import type { FilterField } from '../../contract/field-table.js';
import { parseRelativeDuration } from './relative-time.js';
import { describeFieldNames, searchField, type RangeField } from './search-fields.js';
import type { AuditSearchError, AuditSearchQuery, AuditSearchResult } from './search-query.js';
import { tokenize, type SearchTerm } from './tokenize.js';

type Problem = Omit<AuditSearchError, 'start' | 'end'>;

const COMPARISON = /^(>=|<=|>|<)(.*)$/s;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The values an enum term names: one value, or for a ranked field a comparison. */
function enumValues(row: FilterField, written: string): string[] | Problem {
  const values = row.values ?? [];
  const comparison = row.ranked ? COMPARISON.exec(written) : null;
  const name = comparison ? comparison[2]! : written;
  const index = values.indexOf(name.toLowerCase());
  if (index === -1) {
    const middle = values[Math.floor(values.length / 2)];
    const forms = row.ranked ? ` (or compare, as in ${row.field}:>=${middle})` : '';
    return {
      code: 'invalid_value',
      message: `${row.field} has no value "${name}": use one of ${values.join(', ')}${forms}.`,
    };
  }
  if (!comparison) return [values[index]!];
  // Ranked values run from highest to lowest, so "at or above" is the ones before.
  const picked = {
    '>=': values.slice(0, index + 1),
    '>': values.slice(0, index),
    '<=': values.slice(index),
    '<': values.slice(index + 1),
  }[comparison[1] as '>=' | '>' | '<=' | '<'];
  if (picked.length === 0)
    return {
      code: 'invalid_value',
      message: `No ${row.field} is ${comparison[1] === '>' ? 'above' : 'below'} ${values[index]}; this matches nothing.`,
    };
  return picked;
}

/** Why a schema refuses a text value, in words; `null` when it accepts it. */
function textProblem(
  schema: { safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } } },
  value: string,
  what: string,
): Problem | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  if (value === '')
    return { code: 'missing_value', message: `${what} needs a value between the quotes.` };
  const issue = result.error?.issues[0] as { code?: string; maximum?: number } | undefined;
  const limit = issue?.code === 'too_big' ? `at most ${issue.maximum} characters` : 'shorter';
  return {
    code: 'invalid_value',
    message: `${what} must be ${limit}; this is ${value.length}.`,
  };
}

function listValues(row: FilterField, value: string): string[] | Problem {
  if (row.kind === 'enum') return enumValues(row, value);
  return textProblem(itemSchema(row), value, `A ${row.field}`) ?? [value];
}

/** An `after:`/`before:` value as a contract timestamp; a bare date is midnight UTC. */
function dateValue(written: string): string | Problem {
  const normalized = normalizeTimestamp(
    DATE_ONLY.test(written) ? `${written}T00:00:00.000Z` : written,
  );
  // Years below 100 are read as 19xx by Date, and years past 9999 have no 4-digit form.
  const year = Number(written.slice(0, 4));
  if (
    normalized &&
    /^\d{4}-/.test(normalized) &&
    Math.abs(Number(normalized.slice(0, 4)) - year) <= 1
  )
    return normalized;
  return {
    code: 'invalid_date',
    message: `"${written}" is not a date: write YYYY-MM-DD (UTC) or a time such as 2026-11-01T09:30:00Z.`,
  };
}

function rangeValue(name: RangeField, term: SearchTerm): Partial<AuditSearchQuery> | Problem {
  if (name === 'last') {
    const last = parseRelativeDuration(term.value);
    if (last) return { last };
    return {
      code: 'invalid_duration',
      message: `"${term.value}" is not a duration: write a whole number and m, h, d or w, such as last:24h or last:7d.`,
    };
  }
  const date = dateValue(term.value);
  if (typeof date !== 'string') return date;
  return name === 'after' ? { start_date: date } : { end_date: date };
}

/** Why a range term cannot join what is already in the query, if it cannot. */
function rangeConflict(name: RangeField, query: AuditSearchQuery): string | null {
  const key = { after: 'start_date', before: 'end_date', last: 'last' } as const;
  if (query[key[name]] !== undefined) return `${name}: is given twice; keep one.`;
  if (name === 'last' && (query.start_date ?? query.end_date) !== undefined)
    return 'last: counts back from now, so it cannot be combined with after: or before:; keep one.';
  if (name !== 'last' && query.last !== undefined)
    return `${name}: cannot be combined with last:, which counts back from now; keep one.`;
  return null;
}

/**
 * Reads a search text such as `-severity:debug action:delete user:alice "project apollo"`
 * into a query, with an error (and where to underline it) for each part it could not read.
 * Never throws: whatever the text, the parts that make sense are in `query`.
 */
export function parseAuditSearch(text: string): AuditSearchResult {
  const source = typeof text === 'string' ? text : '';
  const { terms, errors } = tokenize(source);
  const query: AuditSearchQuery = {};
  const lists = query as Record<string, string[] | undefined>;
  // Seen values per list, so a pasted text with thousands of values stays linear.
  const seen = new Map<string, Set<string>>();
  const searchTerms: SearchTerm[] = [];
  const fail = (problem: Problem, start: number, end: number) =>
    errors.push({ ...problem, start, end });

  for (const term of terms) {
    if (!term.field) {
      if (term.value === '')
        fail(
          {
            code: 'missing_value',
            message: 'These quotes are empty: put the text to search for between them.',
          },
          term.start,
          term.end,
        );
      else searchTerms.push(term);
      continue;
    }
    const { field } = term;
    const meaning = searchField(field.name);
    if (!meaning) {
      fail(
        {
          code: 'unknown_field',
          message: `There is no field "${field.name}". Use one of ${describeFieldNames()}; or put the text in quotes to search for it.`,
        },
        field.start,
        field.end,
      );
      continue;
    }
    if (meaning.kind === 'range') {
      if (term.negated) {
        fail(
          {
            code: 'invalid_exclusion',
            message: `${meaning.name}: cannot be excluded; use ${meaning.name === 'after' ? 'before:' : 'after:'} for the other side.`,
          },
          term.start,
          term.end,
        );
        continue;
      }
      const value = rangeValue(meaning.name, term);
      if ('code' in value) {
        fail(value, term.valueStart, term.end);
        continue;
      }
      const conflict = rangeConflict(meaning.name, query);
      if (conflict) {
        fail({ code: 'conflict', message: conflict }, term.start, term.end);
        continue;
      }
      const { start_date: start, end_date: end } = { ...query, ...value };
      if (start && end && start > end)
        fail(
          {
            code: 'conflict',
            message: 'before: is earlier than after:, so nothing can match; swap them.',
          },
          term.start,
          term.end,
        );
      else Object.assign(query, value);
      continue;
    }
    const values = listValues(meaning.row, term.value);
    if (!Array.isArray(values)) {
      fail(values, term.valueStart, term.end);
      continue;
    }
    const key: ListFilter | `exclude_${ListFilter}` = term.negated
      ? excludeKey(meaning.key)
      : meaning.key;
    const list = (lists[key] ??= []);
    const listed = seen.get(key) ?? seen.set(key, new Set()).get(key)!;
    for (const value of values)
      if (!listed.has(value)) {
        listed.add(value);
        list.push(value);
      }
  }

  if (searchTerms.length > 0) {
    // Words and phrases make one text, which the API matches as a substring.
    const search = searchTerms.map((term) => term.value).join(' ');
    const problem = textProblem(AuditLogQuerySchema.shape.search, search, 'The text to search for');
    if (problem) fail(problem, searchTerms[0]!.start, searchTerms.at(-1)!.end);
    else query.search = search;
  }
  errors.sort((a, b) => a.start - b.start);
  return { query, errors };
}
