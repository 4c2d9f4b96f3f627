import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import { signIn, waitForEveryRow } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { trackApiRequests } from './support/in-flight.js';
import { saveScreenshot } from './support/screenshots.js';
import {
  forbidAfterSwitch,
  installTenantWatchOn,
  tenantWatchReport,
} from './support/tenant-watch.js';

// Slow enough that every switch happens with the old tenant's requests still on the wire.
const LATENCY_MS = 300;

const suite = demoInChromium({ latencyMs: LATENCY_MS });

/**
 * Picks a tenant in the demo's switcher, then waits until every row is that tenant's (or has
 * no user), every API request has ended and one more frame is painted.
 */
async function switchTenant(
  page: Page,
  requests: ReturnType<typeof trackApiRequests>,
  to: string,
): Promise<void> {
  await page.getByRole('navigation', { name: 'Demo' }).getByLabel('Tenant').selectOption(to);
  await waitForEveryRow(
    page,
    // A user cell shows the directory's name once it is known, and the id in its tooltip.
    `(row) => row.textContent.includes('@${to}.example') ||
      row.querySelector('[data-column="user"] [data-ui="name"]')?.title.includes('@${to}.example') ||
      row.querySelector('[data-column="user"]').textContent === '—'`,
  );
  await requests.settled();
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

test('switching tenant as root never shows the previous tenant, not even for a frame', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await installTenantWatchOn(page);
  const requests = trackApiRequests(page);
  await signIn(page, suite.servers.appUrl, { username: 'root', tenant: 'acme' });
  await waitForEveryRow(page, `(row) => !row.textContent.includes('@globex.example')`);

  await forbidAfterSwitch(page, '@acme.example');
  // The next page and a search are asked for, and the tenant changes while they travel.
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('a');
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') !== null);
  const inFlightAtSwitch = requests.pending;
  await switchTenant(page, requests, 'globex');

  const report = await tenantWatchReport(page);
  expect(inFlightAtSwitch).toBeGreaterThan(0);
  expect(report.seenBefore).toBe(true);
  expect(report.frames).toBeGreaterThan(0);
  expect(report.leaks).toEqual([]);
  await saveScreenshot(page, 'tenant-switched-to-globex');

  // And back: no globex row once acme is chosen again.
  await forbidAfterSwitch(page, '@globex.example');
  await page.locator('[data-part="time-range-trigger"]').click();
  await page
    .getByRole('dialog', { name: 'Time range' })
    .getByRole('button', { name: 'Last 7 days' })
    .click();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') !== null);
  expect(requests.pending).toBeGreaterThan(0);
  await switchTenant(page, requests, 'acme');
  const back = await tenantWatchReport(page);
  expect(back.seenBefore).toBe(true);
  expect(back.leaks).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('an open event of the previous tenant closes when the tenant changes', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await installTenantWatchOn(page);
  const requests = trackApiRequests(page);
  await signIn(page, suite.servers.appUrl, { username: 'root', tenant: 'acme' });
  const acmeRow = page
    .locator('[data-part="body"] [role="row"]')
    .filter({ hasText: '@acme.example' })
    .first();
  await acmeRow.locator('[data-column="time"]').click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();

  await forbidAfterSwitch(page, '@acme.example');
  await switchTenant(page, requests, 'globex');
  const report = await tenantWatchReport(page);
  expect(report.seenBefore).toBe(true);
  expect(report.leaks).toEqual([]);
  expect(await detail.count()).toBe(0);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
