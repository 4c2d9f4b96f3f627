import { describe, expect, it } from 'vitest';
import { allOf, rareTrigrams, trigramsOf } from '../../demo/server/sqlite-search.js';

// Rows per trigram in a log of a million events where every user id is `user-<n>`.
const ROWS: Record<string, number> = {
  use: 1_000_000,
  ser: 1_000_000,
  'er-': 1_000_000,
  'r-4': 36_674,
  '-42': 25_400,
  '42x': 12,
};
const count = (query: string, limit: number) => Math.min(limit, ROWS[query.slice(1, -1)] ?? 0);

describe('which trigrams the search index reads', () => {
  it('leaves out the trigrams every event holds and reads the rarer ones', () => {
    expect(rareTrigrams('user-42', count)).toEqual(['r-4', '-42']);
  });

  it('reads only the rarest when some are rare enough to check each row they find', () => {
    expect(rareTrigrams('user-42x', count)).toEqual(['42x']);
  });

  it('lets the index plan the search when every trigram is common', () => {
    expect(rareTrigrams('user', count)).toEqual([]);
  });

  it('splits by code point, as the tokenizer does, and quotes each term', () => {
    expect(trigramsOf('a😀bc')).toEqual(['a😀b', '😀bc']);
    expect(allOf(['a"b', 'cde'])).toBe('"a""b" AND "cde"');
  });
});
