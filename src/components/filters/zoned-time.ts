// `datetime-local` inputs hold a wall-clock time with no zone. These helpers read and write that
// wall-clock time in the UI's time zone (through `Intl` only), or the browser's when none is set.

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function wallClockParts(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffset(at: number, timeZone: string): number {
  const p = wallClockParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** An instant as a `datetime-local` value in the zone; empty for anything unreadable. */
export function toDateTimeLocal(value: Date | string | undefined, timeZone?: string): string {
  if (value === undefined) return '';
  const at = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(at)) return '';
  if (timeZone === undefined) {
    const d = new Date(at);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  const p = wallClockParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A `datetime-local` value read in the zone, as an ISO UTC string; undefined when invalid. */
export function fromDateTimeLocal(text: string, timeZone?: string): string | undefined {
  const m = LOCAL_PATTERN.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0'] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  if (timeZone === undefined) {
    const local = new Date(...fields);
    return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
  }
  const wall = Date.UTC(...fields);
  // Two passes settle instants near a daylight-saving change.
  let at = wall - zoneOffset(wall, timeZone);
  at = wall - zoneOffset(at, timeZone);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}
