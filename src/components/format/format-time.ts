export type TimeDisplay = 'absolute' | 'relative';

/**
 * Formatters by locale, zone and style. Building an Intl formatter costs far more than using
 * one, and a scrolling table formats a time for every row it brings in.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * Formats a stored UTC timestamp for people, through `Intl` only: in the chosen locale and
 * time zone, or relative to `now` ("5 minutes ago").
 */
export function formatTimestamp(
  iso: string,
  options: {
    display?: TimeDisplay;
    locale?: string | undefined;
    timeZone?: string | undefined;
    now?: number;
  },
): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  if (options.display === 'relative') {
    const diff = at - (options.now ?? Date.now());
    const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['second', 1000];
    return new Intl.RelativeTimeFormat(options.locale, { numeric: 'auto' }).format(
      Math.round(diff / size),
      unit,
    );
  }
  return dateFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: options.timeZone,
  }).format(at);
}

interface ZoneOptions {
  locale?: string | undefined;
  timeZone?: string | undefined;
}

/**
 * The whole instant, with seconds and the time zone's name: for a time cell's tooltip and
 * the event detail, where nobody should have to guess which zone "14:03" was in.
 */
export function formatFullTimestamp(iso: string, options: ZoneOptions): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return dateFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'long',
    timeZone: options.timeZone,
  }).format(at);
}

/**
 * Date and time of day short enough for one table line: "Nov 30, 14:03:22" within the
 * current year (in the chosen zone), with the year only when it differs. Time of day is
 * what an audit log is read by, so it is never dropped, only the year.
 */
export function formatCompactTimestamp(
  iso: string,
  options: ZoneOptions & { now?: number },
): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const yearOf = (ms: number) =>
    dateFormat('en', { year: 'numeric', timeZone: options.timeZone }).format(ms);
  const sameYear = yearOf(at) === yearOf(options.now ?? Date.now());
  return dateFormat(options.locale, {
    ...(sameYear ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: options.timeZone,
  }).format(at);
}
