export type TimeDisplay = 'absolute' | 'relative';

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
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: options.timeZone,
  }).format(at);
}
