// Size budgets, measured as an app's production build would ship each entry (bench/bundle-size.ts).
import { describe, expect, it } from 'vitest';
import { measureEntries } from '../../bench/bundle-size.js';

describe('bundle size budgets (min+gzip)', () => {
  it('keeps every entry within its budget', async () => {
    const sizes = await measureEntries();
    expect(sizes.map((size) => size.entry)).toEqual([
      'client',
      'client-app',
      'queue',
      'hooks',
      'components',
      'charts',
    ]);
    for (const size of sizes) {
      expect(
        size.gzip,
        `${size.entry}: ${size.gzip} B against ${size.budget} B`,
      ).toBeLessThanOrEqual(size.budget);
    }
  }, 120_000);
});
