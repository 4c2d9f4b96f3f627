import type { Page, Request } from 'playwright-core';

/**
 * Follows the page's API requests, so a test can wait until every answer, late ones
 * included, has arrived (a condition, not a guess at how long the server takes).
 */
export function trackApiRequests(page: Page) {
  const pending = new Set<Request>();
  let started = 0;
  const done = (request: Request) => pending.delete(request);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) {
      pending.add(request);
      started += 1;
    }
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    /** Requests still waiting for their answer. */
    get pending() {
      return pending.size;
    },
    get started() {
      return started;
    },
    async settled(timeoutMs = 20_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (pending.size > 0) {
        if (Date.now() > deadline) throw new Error(`${pending.size} API requests never finished`);
        await page.waitForTimeout(25);
      }
    },
  };
}
