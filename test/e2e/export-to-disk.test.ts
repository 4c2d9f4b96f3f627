import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { CSV_COLUMNS } from '../../src/client/index.js';
import { DEMO_API_KEYS } from '../../src/server/seed.js';
import { freshPage } from './support/browser.js';
import { demoInChromium } from './support/demo-suite.js';
import { withGeneratedEvents } from './support/generated-events.js';
import { saveScreenshot } from './support/screenshots.js';

const ROWS = 1_000_000;
const RESOURCE = 'bulk-export';
/** Growth of the page's memory (JS heap, embedder heap, array buffers) the export may cause. */
const HEAP_LIMIT_BYTES = 64 * 2 ** 20;

const suite = demoInChromium({
  page: 'export',
  eventsPerTenant: 20,
  wrapStore: (store) =>
    withGeneratedEvents(store, { tenantId: 'initech', resourceType: RESOURCE, count: ROWS }),
});

const pageUrl = (resource?: string, extra = '') =>
  `${suite.servers.appUrl}/?tenant=initech&key=${DEMO_API_KEYS.initech}` +
  (resource ? `&resource=${resource}` : '') +
  extra;

async function exportButtonReady(page: Page) {
  const button = page.getByRole('button', { name: 'Export' });
  await expect.poll(() => button.isEnabled()).toBe(true);
  return button;
}

// Every column, some 150 MB: an export kept in memory could not stay under the limit.
test(`streams a ${ROWS.toLocaleString('en')}-row CSV export into the chosen file, the page's memory flat`, async () => {
  // The signed manifest is offered afterwards, as a download of its own.
  const { page, pageErrors } = await freshPage(suite.browser, { acceptDownloads: true });
  const cdp = await page.context().newCDPSession(page);
  const memory = async () => {
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize + usage.embedderHeapUsedSize + usage.backingStorageSize;
  };
  await page.goto(pageUrl(RESOURCE, '&columns=all'));
  const button = await exportButtonReady(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await memory();
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await memory());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  const started = performance.now();
  await button.click();
  await page.getByRole('progressbar', { name: 'Export progress' }).waitFor();
  const done = page.getByRole('status').filter({ hasText: 'Export saved' });
  await done.waitFor({ timeout: 55_000 });
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;

  const file = await page.evaluate(() => window.exportPage!.fileStats());
  expect(file.header).toBe(CSV_COLUMNS.join(','));
  expect(file.lines).toBe(ROWS + 1);
  expect(await done.textContent()).toContain(file.name);
  const [manifest] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Save the signed manifest' }).click(),
  ]);
  expect(manifest.suggestedFilename()).toBe(`${file.name}.manifest.json`);
  const growth = peak - before;
  console.log(
    `export to disk: ${ROWS} rows, ${(file.bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s; ` +
      `page memory ${(before / 2 ** 20).toFixed(1)} MiB before, peak growth ${(growth / 2 ** 20).toFixed(1)} MiB`,
  );
  expect(growth).toBeLessThanOrEqual(HEAP_LIMIT_BYTES);
  expect(pageErrors).toEqual([]);
  await page.context().close();
}, 60_000);

test('cancelling an export to disk stops it and leaves the chosen file empty', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await page.goto(pageUrl(RESOURCE));
  await (await exportButtonReady(page)).click();
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await progress.waitFor({ state: 'detached' });
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.getByRole('status').count()).toBe(0);
  // The writable was aborted, so nothing it had taken was committed to the file.
  expect((await page.evaluate(() => window.exportPage!.fileStats())).bytes).toBe(0);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('the export button running and done, at 1280 and 390 px, light and dark', async () => {
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await suite.browser.newContext({
        viewport: { width, height: 200 },
        colorScheme,
        locale: 'en-GB',
      });
      const page = await context.newPage();
      await page.goto(pageUrl(RESOURCE));
      await (await exportButtonReady(page)).click();
      const progress = page.getByRole('progressbar', { name: 'Export progress' });
      await expect
        .poll(async () => Number(await progress.getAttribute('value')))
        .toBeGreaterThan(0);
      await saveScreenshot(page, `export-running-${width}-${colorScheme}`);
      // Leaving the page ends the export.
      await page.goto(pageUrl());
      await (await exportButtonReady(page)).click();
      await page.getByRole('status').waitFor();
      await saveScreenshot(page, `export-done-${width}-${colorScheme}`);
      await context.close();
    }
  }
});
