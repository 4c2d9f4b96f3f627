import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { AuditLogEventCreate } from '../../src/client/index.js';
import { axeViolations } from './support/axe.js';
import { freshPage } from './support/browser.js';
import { bodyRows, signIn, waitForEveryRow, waitForRows } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const suite = demoInChromium({ eventsPerTenant: 50 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Events of their own resource type, so the view shows them alone among the seeded ones.
const check = (day: string, at: number): AuditLogEventCreate => ({
  event_type: 'system_event',
  resource_type: 'clock-check',
  resource_id: `check-${day}`,
  action: 'check',
  severity: 'info',
  description: `Clock check of day ${day}`,
  timestamp: new Date(at).toISOString(),
});

const shownChecks = (page: Page) =>
  bodyRows(page).evaluateAll((rows) =>
    rows.map((row) => /day (one|two)/.exec(row.textContent ?? '')?.[0] ?? '?').sort(),
  );

const search = (page: Page) => new URL(page.url()).searchParams;

test('a saved "last 24 hours" view recalled a day later shows the new day’s window, and the URL keeps last=24h', async () => {
  const api = suite.servers.apiClient('acme');
  const { page, pageErrors } = await freshPage(suite.browser);
  // The page's clock starts two days back, so both of its days lie in the server's past.
  const dayOne = Date.now() - 2 * DAY;
  await page.clock.install({ time: dayOne });
  await api.createEvent(check('one', dayOne - 12 * HOUR));

  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: 'acme' });
  await page.goto(`${suite.servers.appUrl}/?resource_types=clock-check&last=24h`);
  await waitForEveryRow(page, `(row) => row.textContent.includes('day one')`);
  expect(await shownChecks(page)).toEqual(['day one']);

  const savedViews = page.getByRole('button', { name: 'Saved views' });
  await savedViews.click();
  const panel = page.getByRole('dialog', { name: 'Saved views' });
  await panel.getByRole('textbox', { name: 'View name' }).fill('Clock checks, last day');
  await panel.getByRole('button', { name: 'Save view' }).click();
  const recall = panel.getByRole('button', { name: 'Clock checks, last day', exact: true });
  await recall.waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'viewer-saved-views', { fullPage: false });

  // Another range in the meantime: all time, which still holds day one's check.
  await page.locator('[data-part="time-range-trigger"]').click();
  await page
    .getByRole('dialog', { name: 'Time range' })
    .getByRole('button', { name: 'All time' })
    .click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('last'));
  await waitForRows(page);

  // A day later, with that day's check written: the saved view counts back from the new now.
  await api.createEvent(check('two', dayOne + 12 * HOUR));
  await page.clock.setSystemTime(dayOne + DAY);
  await savedViews.click();
  await recall.click();
  await waitForEveryRow(page, `(row) => row.textContent.includes('day two')`);
  expect(await shownChecks(page)).toEqual(['day two']);
  expect(search(page).get('last')).toBe('24h');
  expect(search(page).has('start_date')).toBe(false);
  expect(search(page).getAll('resource_types')).toEqual(['clock-check']);
  expect(await page.locator('[data-part="time-range-trigger"]').textContent()).toBe(
    'Last 24 hours',
  );

  // Another day on, the reader comes back to the tab: the same query, asked again, counts
  // back from the new now, and day two's check has left the window too.
  await page.clock.setSystemTime(dayOne + 2 * DAY);
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await page.locator('[data-part="table"][data-state="empty"]').waitFor();
  expect(search(page).get('last')).toBe('24h');
  await page.clock.setSystemTime(dayOne + DAY);

  // The link as it stands opens the same moving window after a reload.
  await page.reload();
  await waitForEveryRow(page, `(row) => row.textContent.includes('day two')`);
  expect(await shownChecks(page)).toEqual(['day two']);
  expect(pageErrors).toEqual([]);
});
