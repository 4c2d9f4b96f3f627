import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAuditSearch,
  parseAuditSearch,
  type AuditSearchQuery,
  type RelativeDuration,
} from '../../../src/client/search/index.js';
import { FILTER_FIELDS } from '../../../src/contract/field-table.js';
import { excludeKey, type ListFilter } from '../../../src/contract/schemas/index.js';

// Text values with what the language gives meaning to (quotes, escapes, colons, dashes,
// comparisons, every kind of whitespace) as well as arbitrary code units.
const tricky = fc.constantFrom(
  '"',
  '\\',
  ':',
  '-',
  '>=',
  '<',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  'a',
  'é',
  '😀',
);
// U+0000 is outside what the contract accepts in a filter or search, so a query holding it
// is not one a format can round-trip; the never-throws property below still feeds it in.
const withoutNul = (text: string) => !text.includes('\u0000');
const textValue = fc
  .oneof(
    fc.string({ unit: tricky, minLength: 1, maxLength: 20 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 255 }),
  )
  .filter(withoutNul);

function listOf(key: ListFilter): fc.Arbitrary<string[]> {
  const row = FILTER_FIELDS[key];
  if ('values' in row) return fc.shuffledSubarray([...row.values], { minLength: 1 });
  return fc.uniqueArray(textValue, { minLength: 1, maxLength: 4 });
}

const timestamp = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('9999-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .chain((date) =>
    fc.constantFrom(date.toISOString(), `${date.toISOString().slice(0, 10)}T00:00:00.000Z`),
  );

const range: fc.Arbitrary<Partial<AuditSearchQuery>> = fc.oneof(
  fc.constant({}),
  fc
    .tuple(fc.option(timestamp, { nil: undefined }), fc.option(timestamp, { nil: undefined }))
    .map(([a, b]) => {
      const [start, end] = a && b && a > b ? [b, a] : [a, b];
      return { ...(start && { start_date: start }), ...(end && { end_date: end }) };
    }),
  fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('m', 'h', 'd', 'w'))
    .map(([n, unit]) => ({ last: `${n}${unit}` as RelativeDuration })),
);

const keys = Object.keys(FILTER_FIELDS) as ListFilter[];
const lists = fc.record(
  Object.fromEntries(
    keys.flatMap((key) => [
      [key, listOf(key)],
      [excludeKey(key), listOf(key)],
    ]),
  ) as Record<string, fc.Arbitrary<string[]>>,
  { requiredKeys: [] },
);

const queries: fc.Arbitrary<AuditSearchQuery> = fc
  .tuple(
    lists,
    range,
    fc.option(
      fc
        .oneof(
          fc.string({ unit: tricky, minLength: 1, maxLength: 30 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 500 }),
        )
        .filter(withoutNul),
      { nil: undefined },
    ),
  )
  .map(([listPart, rangePart, search]) => ({
    ...listPart,
    ...rangePart,
    ...(search !== undefined && { search }),
  }));

// Strings made of the language's pieces reach far more of the parser than random text.
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    'user:',
    'user:alice',
    '-user:',
    'severity:>=',
    'severity:>=warning',
    'level:<info',
    'type:error',
    'after:',
    'after:2026-01-01',
    'before:2025-01-01T10:00:00+01:00',
    'last:',
    'last:24h',
    '"',
    '"a b"',
    '\\',
    '-',
    ':',
    'x:',
    '-x',
    '""',
    'after:0099-01-01T00:00:00Z',
  ),
);
const searchTexts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(piece, { maxLength: 12 })
    .chain((pieces) => fc.constantFrom(pieces.join(' '), pieces.join(''))),
);

describe('the search language, for generated queries and texts', () => {
  it('formats a query to a text that parses back to the same query', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const text = formatAuditSearch(query);
        const parsed = parseAuditSearch(text);
        expect(parsed.errors).toEqual([]);
        expect(parsed.query).toEqual(query);
        expect(formatAuditSearch(parsed.query)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, underlines only inside the text, and what it reads formats back to itself', () => {
    fc.assert(
      fc.property(searchTexts, (text) => {
        const { query, errors } = parseAuditSearch(text);
        for (const error of errors) {
          expect(0 <= error.start && error.start <= error.end && error.end <= text.length).toBe(
            true,
          );
          expect(error.message.length).toBeGreaterThan(0);
        }
        const again = parseAuditSearch(formatAuditSearch(query));
        expect(again.errors).toEqual([]);
        expect(again.query).toEqual(query);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not throw when called from plain JavaScript with something other than a string', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((value) => typeof value !== 'string'),
        (value) => {
          expect(parseAuditSearch(value as string)).toEqual({ query: {}, errors: [] });
        },
      ),
      { numRuns: 200 },
    );
  });
});
