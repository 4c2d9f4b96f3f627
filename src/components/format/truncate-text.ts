/**
 * How many characters a table cell shows. A row shows one or two lines of it anyway, and a
 * browser line-breaks a long unbroken word so slowly that a 100 kB one froze the page for
 * seconds: capped, a cell lays out in well under a millisecond whatever the event holds.
 */
export const CELL_TEXT_LIMIT = 300;

/** How many characters the event detail shows of one value before offering the rest. */
export const DETAIL_TEXT_LIMIT = 2000;

/** Ends a cut value, so nobody mistakes the shown part for the whole. */
export const ELLIPSIS = '…';

/**
 * `text` as shown within `limit` characters: whole when it fits, otherwise its start and an
 * ellipsis. The cut never splits a surrogate pair, which would show as a replacement glyph.
 */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, Math.floor(limit));
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}
