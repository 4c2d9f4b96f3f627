import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import { axeViolations } from './support/axe.js';
import { bodyRows, signIn } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

let page: Page;

const suite = demoInChromium();

beforeAll(async () => {
  ({ page } = await freshPage(suite.browser));
});

/** Waits for the volume strip, which loads after the rows, so axe sees the page finished. */
async function chartsLoaded(): Promise<void> {
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('figure[data-scope="audit-log"]')];
    return charts.length === 1 && charts.every((chart) => chart.querySelector('svg'));
  });
}

// One signed-in page walks through the demo; each state is scanned where a person sees it.
test('the login page has no axe violations', async () => {
  await page.goto(suite.servers.appUrl);
  await page.locator('[data-part="login-form"]').waitFor();
  expect(await axeViolations(page)).toEqual([]);
});

test('the viewer has no axe violations', async () => {
  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: 'acme' });
  await chartsLoaded();
  expect(await axeViolations(page)).toEqual([]);
});

test('the viewer with an event open has no axe violations', async () => {
  await bodyRows(page).first().locator('[data-column="description"]').click();
  await page.getByRole('complementary', { name: 'Event detail' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
});

test('the page built from hooks has no axe violations', async () => {
  await page.getByRole('link', { name: 'Built from hooks' }).click();
  await page.getByRole('heading', { name: 'Problems, built from hooks' }).waitFor();
  await page.locator('.demo-hooks tbody tr').first().waitFor();
  await page.getByText(/events in the last 30 days/).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'hooks-page');
});

test('the page that writes events has no axe violations', async () => {
  await page.getByRole('link', { name: 'Write events' }).click();
  await page.getByRole('heading', { name: 'Write events' }).waitFor();
  await page.getByRole('button', { name: 'Record an event now' }).click();
  await page.getByText(/^Stored /).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'emit-page');
});
