import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed.js';
import { freshPage } from './support/browser.js';
import { bodyRows, renderedRows, resultRowCount, signIn, waitForRows } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const suite = demoInChromium();

/** What has focus: its role, its name or text, and for a row its position and state. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      role: element?.getAttribute('role') ?? element?.localName ?? null,
      text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').slice(0, 200),
      rowIndex: element?.getAttribute('aria-rowindex') ?? null,
      state: element?.dataset.state ?? null,
      activeRows: document.querySelectorAll('[data-part="row"][data-state="active"]').length,
    };
  });
}

/** Presses Tab until `done` holds for the focused element, failing after `limit` presses. */
async function tabUntil(
  page: Page,
  done: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 80,
) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (done(now)) return now;
  }
  throw new Error(`Nothing matching was reached in ${limit} presses of Tab`);
}

/** Presses a key on the focused row and waits for focus to settle on the expected row. */
async function pressOnRow(page: Page, key: string, rowIndex: number) {
  await page.keyboard.press(key);
  await page.waitForFunction(
    (index) => document.activeElement?.getAttribute('aria-rowindex') === String(index),
    rowIndex,
  );
  const now = await focused(page);
  expect(now.state).toBe('active');
  expect(now.activeRows).toBe(1);
}

test('the viewer is usable with the keyboard alone, from login to the detail and back', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await page.goto(suite.servers.appUrl);
  // Login: Tab into the form, type, choose the tenant with arrow keys, Enter on Sign in.
  expect((await tabUntil(page, (f) => f.role === 'input')).role).toBe('input');
  await page.keyboard.type('viewer');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  expect(await page.getByLabel('Tenant').inputValue()).toBe('globex');
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('Sign in');
  await page.keyboard.press('Enter');
  await waitForRows(page);
  const rows = await resultRowCount(page);
  expect(rows).toBe(50);

  // Tab reaches the table once, on its active row (the first), never on every row.
  const entered = await tabUntil(page, (f) => f.role === 'row');
  expect(entered.rowIndex).toBe('2');
  expect(entered.state).toBe('active');

  await pressOnRow(page, 'ArrowDown', 3);
  await pressOnRow(page, 'ArrowDown', 4);
  await pressOnRow(page, 'ArrowUp', 3);
  await pressOnRow(page, 'End', rows + 1);
  await pressOnRow(page, 'Home', 2);
  await page.keyboard.press('PageDown');
  await page.waitForFunction(
    () => Number(document.activeElement?.getAttribute('aria-rowindex')) > 3,
  );
  const paged = await focused(page);
  expect(paged.state).toBe('active');
  await saveScreenshot(page, 'keyboard-active-row');

  // Enter opens the focused row.
  const target = (await renderedRows(page)).find(
    (row) => row.index === Number(paged.rowIndex) - 2,
  )!;
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();
  expect(await detail.locator('header [data-part="value"]').textContent()).toBe(
    target.cells.description,
  );

  // The detail's Close button is reachable by Tab and works with Enter.
  const close = await tabUntil(page, (f) => f.role === 'button' && f.text === 'Close');
  expect(close.text).toBe('Close');
  await page.keyboard.press('Enter');
  await detail.waitFor({ state: 'detached' });
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('closing the detail puts focus back on the row it was opened from', async () => {
  const { page } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'viewer', tenant: 'globex' });
  await bodyRows(page).first().focus();
  await pressOnRow(page, 'ArrowDown', 3);
  await page.keyboard.press('Enter');
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();
  await tabUntil(page, (f) => f.role === 'button' && f.text === 'Close');
  await page.keyboard.press('Enter');
  await detail.waitFor({ state: 'detached' });
  // Otherwise a keyboard user starts again from the top of the page.
  const after = await focused(page);
  expect(after.role).toBe('row');
  expect(after.rowIndex).toBe('3');

  // Escape from inside the detail closes it the same way.
  await page.keyboard.press('Enter');
  await detail.waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[data-part="viewer-detail"]'));
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached' });
  const afterEscape = await focused(page);
  expect(afterEscape.role).toBe('row');
  expect(afterEscape.rowIndex).toBe('3');
  await page.context().close();
});
