import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTimestamp, TimestampSchema } from '../../src/contract/schemas/index.js';

describe('contract timestamps', () => {
  it.each([
    ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T03:04:05.123+02:00', '2026-01-02T01:04:05.123Z'],
    ['2026-01-02T03:04:05.123456-05:30', '2026-01-02T08:34:05.123Z'],
    ['2026-01-02T03:04:05', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02 03:04:05', '2026-01-02T03:04:05.000Z'],
    ['2026-01-02T23:30:00+0100', '2026-01-02T22:30:00.000Z'],
    ['0050-06-15T12:00:00', '0050-06-15T12:00:00.000Z'],
    ['0001-01-01T01:00:00+01:00', '0001-01-01T00:00:00.000Z'],
    ['0004-02-29T00:00:00Z', '0004-02-29T00:00:00.000Z'],
  ])('reads %s as %s (naive means UTC)', (input, expected) => {
    expect(normalizeTimestamp(input)).toBe(expected);
  });

  it.each([
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-02T24:00:00Z',
    '0000-06-01T00:00:00Z',
    '0001-01-01T00:00:00+00:01',
    '0100-02-29T00:00:00Z',
    'yesterday',
    '',
    '2026-01-02',
  ])('refuses %j instead of rolling it over', (input) => {
    expect(normalizeTimestamp(input)).toBeNull();
    expect(TimestampSchema.safeParse(input).success).toBe(false);
  });

  it('round-trips every instant through its ISO form and any offset', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('9998-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offsetMinutes) => {
          const iso = date.toISOString();
          expect(normalizeTimestamp(iso)).toBe(iso);
          const shifted = new Date(date.getTime() + offsetMinutes * 60_000)
            .toISOString()
            .slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(normalizeTimestamp(`${shifted}${zone}`)).toBe(iso);
        },
      ),
    );
  });
});
