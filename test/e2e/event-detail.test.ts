import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import {
  bodyRows,
  renderedRows,
  resultRowCount,
  signIn,
  waitForEveryRow,
} from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const suite = demoInChromium();

const detail = (page: Page) => page.getByRole('complementary', { name: 'Event detail' });

/** The detail's value for a field label, e.g. "Event id". */
async function detailField(page: Page, label: string): Promise<string> {
  return (
    (await detail(page)
      .locator('[data-part="field"]')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd [data-part="value"]')
      .textContent()) ?? ''
  );
}

test('a click on a row opens its detail, and Close closes it', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: 'acme' });
  const [, second] = await renderedRows(page);
  await bodyRows(page).nth(1).locator('[data-column="description"]').click();
  await detail(page).waitFor();
  const id = await detailField(page, 'Event id');
  const event = await suite.servers.apiClient('acme').getEvent(id);
  expect(event.description).toBe(second!.cells.description);
  expect(event.timestamp).toBe(second!.timestamp);
  expect(await detail(page).locator('header [data-part="value"]').textContent()).toBe(
    event.description,
  );
  // The open event is part of the URL, so the view can be shared.
  expect(new URL(page.url()).searchParams.get('event')).toBe(id);
  await saveScreenshot(page, 'event-detail');

  await detail(page).getByRole('button', { name: 'Close', exact: true }).click();
  await detail(page).waitFor({ state: 'detached' });
  expect(new URL(page.url()).searchParams.has('event')).toBe(false);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('Enter on the focused row opens that row', async () => {
  const { page } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: 'acme' });
  const rows = await renderedRows(page);
  await bodyRows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await detail(page).waitFor();
  const event = await suite.servers.apiClient('acme').getEvent(await detailField(page, 'Event id'));
  expect(event.description).toBe(rows[2]!.cells.description);
  await page.context().close();
});

test('"Show correlated events" lists exactly the events of that correlation id', async () => {
  const { page } = await freshPage(suite.browser);
  const api = suite.servers.apiClient('acme');
  // A request chain: several events that share one correlation id.
  const newest = await api.queryEvents({}, { size: 300 });
  const counts = new Map<string, number>();
  for (const event of newest.items) {
    if (event.correlation_id) {
      counts.set(event.correlation_id, (counts.get(event.correlation_id) ?? 0) + 1);
    }
  }
  const [correlationId] = [...counts].find(([, n]) => n >= 3)!;
  const chain = await api.queryEvents({ correlation_ids: [correlationId] });
  const start = chain.items.at(-1)!;

  await signIn(page, `${suite.servers.appUrl}/?event=${start.id}`, {
    username: 'admin',
    tenant: 'acme',
  });
  await detail(page).waitFor();
  expect(await detailField(page, 'Correlation')).toBe(correlationId);
  await detail(page).getByRole('button', { name: 'Show correlated events' }).click();

  await waitForEveryRow(
    page,
    `(row) => ${JSON.stringify(chain.items.map((e) => e.timestamp))}.includes(row.querySelector('time').dateTime)`,
  );
  await page.waitForFunction(
    (n) => document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') === String(n + 1),
    chain.total,
  );
  expect(await resultRowCount(page)).toBe(chain.total);
  const shown = await renderedRows(page);
  expect(shown.map((row) => row.cells.description)).toEqual(
    chain.items.map((event) => event.description),
  );
  expect(await page.getByRole('textbox', { name: 'Correlation id' }).inputValue()).toBe(
    correlationId,
  );
  await saveScreenshot(page, 'correlated-events');
  await page.context().close();
});
