import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTimestamp, TimestampSchema } from '../../src/contract/schemas/index.js';

// The kept form as a regular expression: an oracle written apart from the code it checks.
const KEPT_FORM = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const namesARealDay = (text: string) => {
  const [, year, month, day] = KEPT_FORM.exec(text) ?? [];
  if (!year) return false;
  const date = new Date(Date.UTC(2000, Number(month) - 1, Number(day)));
  date.setUTCFullYear(Number(year));
  return (
    Number(year) >= 1 &&
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
};

describe('contract timestamps', () => {
  it('keeps as it is exactly the kept form naming a real day, for near misses of every character', () => {
    const kept = fc
      .date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
    // One character of a kept timestamp replaced by another that a near miss would hold.
    const nearMiss = fc
      .tuple(kept, fc.nat(23), fc.constantFrom(...'0123456789-T:.Z+ /Ù٣9'))
      .map(([text, place, char]) => text.slice(0, place) + char + text.slice(place + 1));
    fc.assert(
      fc.property(fc.oneof(kept, nearMiss, fc.string({ maxLength: 26 })), (text) => {
        expect(normalizeTimestamp(text) === text).toBe(namesARealDay(text));
      }),
      { numRuns: 5000 },
    );
  });

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
