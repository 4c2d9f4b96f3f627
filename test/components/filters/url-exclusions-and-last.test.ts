import { describe, expect, it } from 'vitest';
import { resolveAuditSearch, type AuditSearchQuery } from '../../../src/client/search/index.js';
import {
  formatAuditUrlState,
  parseAuditUrlState,
  type AuditUrlState,
} from '../../../src/components/filters/index.js';

const state = (overrides: Partial<AuditUrlState>): AuditUrlState => ({
  query: {},
  page: 1,
  columns: undefined,
  eventId: undefined,
  ...overrides,
});

describe('the URL codec', () => {
  it('round-trips exclusions as repeated exclude_* parameters', () => {
    const written = formatAuditUrlState(
      state({ query: { actions: ['delete'], exclude_severities: ['debug', 'info'] } }),
    );
    expect(written).toBe('?actions=delete&exclude_severities=debug&exclude_severities=info');
    expect(parseAuditUrlState(written).query).toEqual({
      actions: ['delete'],
      exclude_severities: ['debug', 'info'],
    });
  });

  it('skips exclusion values the API would refuse, keeping the valid ones', () => {
    expect(
      parseAuditUrlState('?exclude_severities=loud&exclude_severities=debug&exclude_user_ids=')
        .query,
    ).toEqual({ exclude_severities: ['debug'] });
  });

  it('keeps `last` relative: the same link means the last 15 minutes whenever it is opened', () => {
    const written = formatAuditUrlState(
      state({ last: '15m', query: { start_date: '2026-01-01T00:00:00.000Z', user_ids: ['a'] } }),
    );
    expect(written).toBe('?user_ids=a&last=15m');
    const read = parseAuditUrlState(written);
    expect(read.last).toBe('15m');
    const today = Date.parse('2026-12-02T10:00:00Z');
    const tomorrow = today + 86_400_000;
    expect(
      resolveAuditSearch({ ...(read.query as AuditSearchQuery), last: read.last }, today)
        .start_date,
    ).toBe('2026-12-02T09:45:00.000Z');
    expect(
      resolveAuditSearch({ ...(read.query as AuditSearchQuery), last: read.last }, tomorrow)
        .start_date,
    ).toBe('2026-12-03T09:45:00.000Z');
  });

  it('reads a bad `last` as absent, and lets a good one stand in for both ends', () => {
    expect(parseAuditUrlState('?last=soon&start_date=2026-01-01T00:00:00Z')).toMatchObject({
      query: { start_date: '2026-01-01T00:00:00Z' },
    });
    expect(parseAuditUrlState('?last=soon').last).toBeUndefined();
    const both = parseAuditUrlState('?last=7d&start_date=2026-01-01T00:00:00Z');
    expect(both.last).toBe('7d');
    expect(both.query).toEqual({});
  });
});
