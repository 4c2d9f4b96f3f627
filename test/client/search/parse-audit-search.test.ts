import { describe, expect, it } from 'vitest';
import {
  formatAuditSearch,
  parseAuditSearch,
  resolveAuditSearch,
  type AuditSearchError,
} from '../../../src/client/search/index.js';
import { FILTER_FIELDS } from '../../../src/contract/field-table.js';

const queryOf = (text: string) => {
  const { query, errors } = parseAuditSearch(text);
  expect(errors).toEqual([]);
  return query;
};

/** Each error as the text it underlines and its code. */
const underlined = (text: string) =>
  parseAuditSearch(text).errors.map((error: AuditSearchError) => [
    text.slice(error.start, error.end),
    error.code,
  ]);

describe('parseAuditSearch', () => {
  it('reads the investigation example', () => {
    expect(queryOf('-severity:debug action:delete user:alice "project apollo"')).toEqual({
      exclude_severities: ['debug'],
      actions: ['delete'],
      user_ids: ['alice'],
      search: 'project apollo',
    });
  });

  it('reads field:value and field:"quoted value" with escapes', () => {
    expect(queryOf('resource_type:project correlation_id:"req 42" user:"a \\"b\\" \\\\c"')).toEqual(
      {
        resource_types: ['project'],
        correlation_ids: ['req 42'],
        user_ids: ['a "b" \\c'],
      },
    );
  });

  it('ORs repeated fields within a field, without repeating a value', () => {
    expect(
      queryOf('user:alice user:bob user:alice action:create -action:read -action:list'),
    ).toEqual({
      user_ids: ['alice', 'bob'],
      actions: ['create'],
      exclude_actions: ['read', 'list'],
    });
  });

  it('accepts the aliases and the field names in any case', () => {
    expect(
      queryOf('type:error level:info actor:u1 resource:r1 ip:10.0.0.1 session:s1 correlation:c1'),
    ).toEqual({
      event_types: ['error'],
      severities: ['info'],
      user_ids: ['u1'],
      resource_ids: ['r1'],
      ip_addresses: ['10.0.0.1'],
      session_ids: ['s1'],
      correlation_ids: ['c1'],
    });
    expect(queryOf('EVENT_TYPE:Data_Access User:Alice')).toEqual({
      event_types: ['data_access'],
      user_ids: ['Alice'],
    });
  });

  it('joins bare words and phrases into the one search text', () => {
    expect(queryOf('project   "apollo  deleted" 12:30')).toEqual({
      search: 'project apollo  deleted 12:30',
    });
  });

  it('expands severity comparisons to the severities they cover', () => {
    expect(queryOf('severity:>=warning').severities).toEqual(['critical', 'error', 'warning']);
    expect(queryOf('severity:>warning').severities).toEqual(['critical', 'error']);
    expect(queryOf('severity:<=info').severities).toEqual(['info', 'debug']);
    expect(queryOf('-severity:<info').exclude_severities).toEqual(['debug']);
  });

  it('reads after: and before: as UTC instants, a bare date as its midnight', () => {
    expect(queryOf('after:2026-11-01 before:2026-11-02T10:30:00+01:00')).toEqual({
      start_date: '2026-11-01T00:00:00.000Z',
      end_date: '2026-11-02T09:30:00.000Z',
    });
  });

  it('keeps last: relative until the query is resolved', () => {
    const query = queryOf('last:024h action:delete');
    expect(query).toEqual({ last: '24h', actions: ['delete'] });
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(resolveAuditSearch(query, now)).toEqual({
      actions: ['delete'],
      start_date: '2026-11-30T12:00:00.000Z',
    });
    expect(resolveAuditSearch(query, now + 86_400_000).start_date).toBe('2026-12-01T12:00:00.000Z');
    expect(resolveAuditSearch(queryOf('last:15m'), now).start_date).toBe(
      '2026-12-01T11:45:00.000Z',
    );
    expect(resolveAuditSearch(queryOf('last:2w'), now).start_date).toBe('2026-11-17T12:00:00.000Z');
  });

  it('reads an empty or blank text as no filters', () => {
    expect(parseAuditSearch('')).toEqual({ query: {}, errors: [] });
    expect(parseAuditSearch(' \t\n ')).toEqual({ query: {}, errors: [] });
  });
});

describe('parseAuditSearch errors', () => {
  it('underlines an unknown field name, names the fields, and keeps the rest', () => {
    const text = 'colour:red action:delete';
    const { query, errors } = parseAuditSearch(text);
    expect(query).toEqual({ actions: ['delete'] });
    expect(underlined(text)).toEqual([['colour', 'unknown_field']]);
    expect(errors[0]!.message).toContain('user_id (user, actor)');
    expect(errors[0]!.message).toContain('quotes');
  });

  it('underlines a value an enum field does not have, and lists the values', () => {
    const text = 'severity:loud type:nope';
    expect(underlined(text)).toEqual([
      ['loud', 'invalid_value'],
      ['nope', 'invalid_value'],
    ]);
    const [severity, type] = parseAuditSearch(text).errors;
    expect(severity!.message).toContain('critical, error, warning, info, debug');
    expect(type!.message).toContain('user_action');
  });

  it('refuses comparisons on fields that have no order, and ones that match nothing', () => {
    expect(underlined('type:>=error')).toEqual([['>=error', 'invalid_value']]);
    expect(underlined('severity:>critical severity:<debug')).toEqual([
      ['>critical', 'invalid_value'],
      ['<debug', 'invalid_value'],
    ]);
  });

  it('underlines bad dates and durations', () => {
    expect(
      underlined('after:2026-13-01 before:yesterday after:2026-02-30 last:3y last:0h last:1.5h'),
    ).toEqual([
      ['2026-13-01', 'invalid_date'],
      ['yesterday', 'invalid_date'],
      ['2026-02-30', 'invalid_date'],
      ['3y', 'invalid_duration'],
      ['0h', 'invalid_duration'],
      ['1.5h', 'invalid_duration'],
    ]);
  });

  it('underlines an unterminated quote to the end of the text', () => {
    const text = 'action:delete "project apollo';
    const { query, errors } = parseAuditSearch(text);
    expect(query).toEqual({ actions: ['delete'] });
    expect(underlined(text)).toEqual([['"project apollo', 'unterminated_quote']]);
    expect(errors[0]!.message).toMatch(/closed/);
    expect(underlined('user:"alice')).toEqual([['"alice', 'unterminated_quote']]);
    expect(underlined('"ends in a backslash\\"')).toEqual([
      ['"ends in a backslash\\"', 'unterminated_quote'],
    ]);
  });

  it('underlines a field with no value, empty quotes and a value too long', () => {
    expect(underlined('user: action:""  ""')).toEqual([
      ['user:', 'missing_value'],
      ['""', 'missing_value'],
      ['""', 'missing_value'],
    ]);
    const long = 'x'.repeat(256);
    const [error] = parseAuditSearch(`user:${long}`).errors;
    expect(error!.message).toContain('at most 255 characters');
    expect(parseAuditSearch(`"${'y'.repeat(501)}"`).errors[0]!.message).toContain('at most 500');
  });

  it('refuses exclusions without a field, and of the time range', () => {
    expect(underlined('-apollo -after:2026-01-01 -last:1h')).toEqual([
      ['-apollo', 'invalid_exclusion'],
      ['-after:2026-01-01', 'invalid_exclusion'],
      ['-last:1h', 'invalid_exclusion'],
    ]);
    expect(queryOf('"-apollo"')).toEqual({ search: '-apollo' });
  });

  it('refuses a range given twice, last: with a date, and a range that ends before it starts', () => {
    const text = 'after:2026-01-01 after:2026-02-01 last:1h before:2025-12-31';
    expect(underlined(text)).toEqual([
      ['after:2026-02-01', 'conflict'],
      ['last:1h', 'conflict'],
      ['before:2025-12-31', 'conflict'],
    ]);
    expect(parseAuditSearch(text).query).toEqual({ start_date: '2026-01-01T00:00:00.000Z' });
    expect(underlined('last:1h before:2026-01-01')).toEqual([['before:2026-01-01', 'conflict']]);
  });

  it('reports errors in the order they appear in the text', () => {
    const text = 'foo:1 "open';
    const starts = parseAuditSearch(text).errors.map((error) => error.start);
    expect(starts).toEqual([0, 6]);
  });
});

describe('formatAuditSearch', () => {
  it('writes filters in field-table order, exclusions, the range, then the search text', () => {
    expect(
      formatAuditSearch({
        search: 'project apollo',
        user_ids: ['alice'],
        exclude_severities: ['debug'],
        actions: ['delete'],
        last: '7d',
      }),
    ).toBe('action:delete user_id:alice -severity:debug last:7d "project apollo"');
  });

  it('writes a run of severities as a comparison, and other lists value by value', () => {
    expect(formatAuditSearch({ severities: ['critical', 'error', 'warning'] })).toBe(
      'severity:>=warning',
    );
    expect(formatAuditSearch({ exclude_severities: ['info', 'debug'] })).toBe('-severity:<=info');
    expect(formatAuditSearch({ severities: ['error', 'critical'] })).toBe(
      'severity:error severity:critical',
    );
  });

  it('quotes what would read back differently, and writes a midnight as a date', () => {
    expect(
      formatAuditSearch({
        user_ids: ['a b', 'say "hi"'],
        start_date: '2026-11-01T00:00:00.000Z',
        end_date: '2026-11-02T09:30:00.000Z',
        search: 'user:alice',
      }),
    ).toBe(
      'user_id:"a b" user_id:"say \\"hi\\"" after:2026-11-01 before:2026-11-02T09:30:00.000Z "user:alice"',
    );
    expect(formatAuditSearch({ search: '-x' })).toBe('"-x"');
    expect(formatAuditSearch({ search: 'apollo' })).toBe('apollo');
  });
});

describe('the field names of the language', () => {
  it('gives every name and alias in the field table exactly one meaning', () => {
    const names = [
      'after',
      'before',
      'last',
      ...Object.values(FILTER_FIELDS).flatMap((row) => [row.field, ...row.aliases]),
    ];
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it('reads every field of the table by its name', () => {
    for (const [key, row] of Object.entries(FILTER_FIELDS)) {
      const value = 'values' in row ? row.values[0] : 'v';
      expect(queryOf(`${row.field}:${value} -${row.field}:${value}`)).toEqual({
        [key]: [value],
        [`exclude_${key}`]: [value],
      });
    }
  });
});
