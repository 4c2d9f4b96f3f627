import type { FacetValue } from '../../contract/schemas/index.js';

/**
 * Text order by code point, as SQLite's BINARY and PostgreSQL's "C" collation compare;
 * JavaScript's `<` compares UTF-16 units, which puts U+FFFF after an emoji.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** The contract's facet order (count descending, then value ascending), top `limit`. */
export function topFacetValues(
  counts: Iterable<readonly [string, number]>,
  limit: number,
): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareCodePoints(a.value, b.value))
    .slice(0, limit);
}
