import { describe, expect, it } from 'vitest';
import { toSearchParams } from '../../src/contract/query-params.js';
import { EventListParamsSchema, safeParse } from '../../src/contract/schemas/index.js';

describe('query parameters', () => {
  it('sends every value of a list filter as a repeated parameter', () => {
    const params = toSearchParams({ severities: ['error', 'critical'], event_types: ['api_call'] });
    expect(params.getAll('severities')).toEqual(['error', 'critical']);
    expect(params.toString()).toBe('severities=error&severities=critical&event_types=api_call');
  });

  it('sends dates as ISO strings and leaves out empty values', () => {
    const params = toSearchParams({
      start_date: new Date('2026-01-02T03:04:05Z'),
      end_date: undefined,
      search: '',
      actions: [],
      page: 2,
    });
    expect(params.toString()).toBe('start_date=2026-01-02T03%3A04%3A05.000Z&page=2');
  });

  it('names each bad field with a message a person can act on', () => {
    const result = safeParse(EventListParamsSchema, {
      severities: ['loud'],
      size: '1001',
      sort_by: 'colour',
      start_date: 'soon',
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(messages['severities.0']).toMatch(/expected one of .*critical/);
    expect(messages.size).toMatch(/<=1000/);
    expect(messages.sort_by).toMatch(/expected one of .*timestamp/);
    expect(messages.start_date).toMatch(/ISO-8601/);
  });

  it('refuses a range that ends before it starts', () => {
    const result = safeParse(EventListParamsSchema, {
      start_date: '2026-01-02T00:00:00Z',
      end_date: '2026-01-01T00:00:00Z',
    });
    expect(result.error?.issues[0]?.path).toEqual(['end_date']);
  });
});
