// The contract accepts `Z`, `±hh:mm` offsets and naive forms (`T` or a space; naive means
// UTC). `Date.parse` would read a naive string as local time and roll `02-30` over into
// March, so the parts are checked here and the instant built with `Date.UTC`.
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

const MIN_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** Milliseconds since the epoch for a contract timestamp, or `null` when it is not one. */
export function parseTimestamp(text: string): number | null {
  const m = ISO_PATTERN.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  // Date.UTC reads years 0–99 as 1900–1999; setting the year afterwards keeps 0050 as 0050.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year, month - 1, day);
  const utc = date.getTime();
  if (date.getUTCDate() !== day) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const value = utc - offsetMinutes * 60_000;
  // Years 0001–9999 only, after the offset too (the range Python's datetime and the seed hold).
  return value >= MIN_INSTANT && value <= MAX_INSTANT ? value : null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The number the two ASCII digits at `at` and `at + 1` write, or -1 for anything else. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 0x30;
  const ones = text.charCodeAt(at + 1) - 0x30;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * Whether `text` is already in the kept form, `YYYY-MM-DDTHH:mm:ss.sssZ`, and names a real
 * day. Servers answer in this form, so checking it without building a Date keeps validating
 * a large page cheap; read by character codes rather than a regular expression, whose match
 * array cost about as much as the rest of an event's check.
 */
export function isCanonical(text: string): boolean {
  if (
    text.length !== 24 ||
    text.charCodeAt(4) !== 0x2d || // -
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x54 || // T
    text.charCodeAt(13) !== 0x3a || // :
    text.charCodeAt(16) !== 0x3a ||
    text.charCodeAt(19) !== 0x2e || // .
    text.charCodeAt(23) !== 0x5a // Z
  )
    return false;
  const century = twoDigits(text, 0);
  const yearOf = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  const centis = twoDigits(text, 20);
  const milli = text.charCodeAt(22) - 0x30;
  if (century < 0 || yearOf < 0 || centis < 0 || milli < 0 || milli > 9) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const year = century * 100 + yearOf;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!)
    return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return !(month === 2 && day === 29 && !leap);
}

/** A contract timestamp in the one form this SDK keeps: UTC, millisecond precision, `Z`. */
export function normalizeTimestamp(text: string): string | null {
  if (isCanonical(text)) return text;
  const value = parseTimestamp(text);
  return value === null ? null : new Date(value).toISOString();
}

/** A timestamp in the kept form, or the text as it came when it is none (the check refuses it). */
export function normalizeOrKeep(text: string): string {
  return normalizeTimestamp(text) ?? text;
}
