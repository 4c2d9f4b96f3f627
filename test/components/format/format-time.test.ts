import { describe, expect, it } from 'vitest';
import {
  formatCompactTimestamp,
  formatFullTimestamp,
} from '../../../src/components/format/format-time.js';

const NOW = Date.parse('2026-12-02T09:00:00Z');

describe('time as the table and the detail show it', () => {
  it('keeps the time of day and drops only the year within the current year', () => {
    const options = { locale: 'en-GB', timeZone: 'UTC', now: NOW };
    expect(formatCompactTimestamp('2026-11-30T14:03:22Z', options)).toBe('30 Nov, 14:03:22');
    expect(formatCompactTimestamp('2025-11-30T14:03:22Z', options)).toBe('30 Nov 2025, 14:03:22');
  });

  it('decides "this year" in the chosen time zone, not in UTC', () => {
    // 23:30 UTC on New Year's Eve is already next year in Berlin.
    const at = '2025-12-31T23:30:00Z';
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(formatCompactTimestamp(at, { locale: 'en-GB', timeZone: 'Europe/Berlin', now })).toBe(
      '1 Jan, 00:30:00',
    );
    expect(formatCompactTimestamp(at, { locale: 'en-GB', timeZone: 'UTC', now })).toBe(
      '31 Dec 2025, 23:30:00',
    );
  });

  it('names the zone in the full form, for tooltips and the detail', () => {
    expect(formatFullTimestamp('2026-11-30T14:03:22Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      '30 Nov 2026, 14:03:22 UTC',
    );
  });

  it('shows text that is not a timestamp as it came', () => {
    expect(formatCompactTimestamp('yesterday', {})).toBe('yesterday');
    expect(formatFullTimestamp('yesterday', {})).toBe('yesterday');
  });
});
