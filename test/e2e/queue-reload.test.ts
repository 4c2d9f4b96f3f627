import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DEMO_API_KEYS } from '../../src/server/seed.js';
import { freshPage } from './support/browser.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const EVENTS = 500;
// A third of the API's answers are 503s, half of them after the events were stored: only
// idempotent resends keep those from being stored twice.
const FAIL_RATE = 0.3;

const suite = demoInChromium({
  page: 'queue',
  eventsPerTenant: 10,
  failRate: FAIL_RATE,
  latencyMs: 20,
});

async function openQueuePage(page: Page): Promise<void> {
  await page.waitForFunction(() => window.queuePage !== undefined);
}

/** The run's events the server holds, by sequence number. */
async function storedSequence(run: string): Promise<number[]> {
  const events = await suite.servers
    .apiClient('initech')
    .listEvents({ resource_types: ['queue-e2e'], search: run }, { limit: 2 * EVENTS });
  return events
    .filter((event) => event.metadata?.['run'] === run)
    .map((event) => event.metadata!['seq'] as number);
}

test('queued events survive a real reload mid-send and reach the server exactly once', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  let refused = 0;
  page.on('response', (response) => {
    if (response.status() === 503) refused += 1;
  });
  const url = `${suite.servers.appUrl}/?tenant=initech&key=${DEMO_API_KEYS.initech}&batch=20`;
  await page.goto(url);
  await openQueuePage(page);
  const run = `run-${Date.now().toString(36)}`;

  await page.evaluate(({ run, count }) => window.queuePage!.enqueue(run, 0, count), {
    run,
    count: EVENTS,
  });
  expect((await page.evaluate(() => window.queuePage!.state())).storage).toBe('indexeddb');

  // Reload once part has arrived, with a batch on the wire and the rest still in IndexedDB.
  let atReload = { sent: 0, stored: 0 };
  await expect
    .poll(
      async () => {
        const sent = (await storedSequence(run)).length;
        const { stored, inFlight } = await page.evaluate(async () => ({
          stored: await window.queuePage!.storedRecords(),
          inFlight: window.queuePage!.state().inFlight,
        }));
        atReload = { sent, stored };
        return sent >= EVENTS / 5 && inFlight > 0 && stored > 0;
      },
      { timeout: 30_000, interval: 50 },
    )
    .toBe(true);
  await page.reload();
  expect(atReload.sent).toBeLessThan(EVENTS);

  await openQueuePage(page);
  await expect
    .poll(
      () =>
        page.evaluate(async () => ({
          pending: window.queuePage!.state().pending,
          stored: await window.queuePage!.storedRecords(),
        })),
      { timeout: 45_000, interval: 100 },
    )
    .toEqual({ pending: 0, stored: 0 });
  await saveScreenshot(page, 'queue-drained');

  const sequence = await storedSequence(run);
  expect(sequence).toHaveLength(EVENTS);
  expect(new Set(sequence).size).toBe(EVENTS);
  expect(Math.min(...sequence)).toBe(0);
  expect(Math.max(...sequence)).toBe(EVENTS - 1);
  expect((await page.evaluate(() => window.queuePage!.state())).failed).toEqual([]);
  // The faults were real: the browser saw the API refuse requests.
  expect(refused).toBeGreaterThan(0);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
