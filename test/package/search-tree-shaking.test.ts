// An app that does not import the search language ships none of it (bench/search-size.ts).
import { describe, expect, it } from 'vitest';
import { measureSearchLanguage, SEARCH_BUDGET_KB } from '../../bench/search-size.js';

describe('the search language in an app bundle', () => {
  it('is left out of an app that uses only the client, and costs at most its budget once imported', async () => {
    const cost = await measureSearchLanguage();
    expect(cost.clientOnlyHasSearch).toBe(false);
    expect(cost.withSearchHasSearch).toBe(true);
    const added = cost.withSearchGzip - cost.clientOnlyGzip;
    expect(added).toBeGreaterThan(0);
    expect(added, `${added} B against ${SEARCH_BUDGET_KB} kB`).toBeLessThanOrEqual(
      SEARCH_BUDGET_KB * 1000,
    );
  }, 60_000);
});
