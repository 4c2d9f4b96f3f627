import { expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import { bodyRows, renderedRows, submitLogin, waitForRows } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const suite = demoInChromium();

test('a wrong password is refused in words, and the right one opens the viewer', async () => {
  const { context, page, pageErrors } = await freshPage(suite.browser);
  await page.goto(suite.servers.appUrl);
  await saveScreenshot(page, 'login');

  await submitLogin(page, { username: 'viewer', tenant: 'globex', password: 'not-the-password' });
  const error = page.locator('[data-part="login-form"]').getByRole('alert');
  await error.waitFor();
  expect(await error.textContent()).toMatch(/username|password/i);
  expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
  expect(await bodyRows(page).count()).toBe(0);
  await saveScreenshot(page, 'login-error');

  await submitLogin(page, { username: 'viewer', tenant: 'globex' });
  await waitForRows(page);
  expect(await page.getByText('Tenant: globex').count()).toBe(1);
  const rows = await renderedRows(page);
  expect(rows.length).toBeGreaterThan(0);
  // Every person in globex's seed has a globex address: the id, in each user's tooltip.
  const users = await page.$$eval(
    '[data-part="body"] [data-column="user"] [data-ui="name"]',
    (names) => names.map((name) => name.getAttribute('title') ?? ''),
  );
  expect(users.length).toBeGreaterThan(0);
  expect(users.filter((title) => !/@globex\.example\)?$/.test(title))).toEqual([]);
  await saveScreenshot(page, 'viewer');
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('signing out returns to the login form and leaves none of the rows behind', async () => {
  const { context, page, pageErrors } = await freshPage(suite.browser);
  await page.goto(suite.servers.appUrl);
  await submitLogin(page, { username: 'admin', tenant: 'acme' });
  await waitForRows(page);
  const shown = (await renderedRows(page)).map((row) => row.cells.description!);
  expect(shown.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('[data-part="login-form"]').waitFor();
  expect(await bodyRows(page).count()).toBe(0);
  const text = (await page.locator('body').textContent()) ?? '';
  for (const description of shown) expect(text).not.toContain(description);
  await saveScreenshot(page, 'signed-out');

  // The session is gone for good, not just hidden: a reload still asks for a login.
  await page.reload();
  await page.locator('[data-part="login-form"]').waitFor();
  expect(await page.getByRole('grid').count()).toBe(0);
  expect(pageErrors).toEqual([]);
  await context.close();
});
