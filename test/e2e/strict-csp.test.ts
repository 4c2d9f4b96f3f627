import { expect, test } from 'vitest';
import { freshPage, withoutSaveFilePicker } from './support/browser.js';
import { bodyRows, signIn } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { STRICT_CSP, watchCspViolations } from './support/strict-csp.js';

const suite = demoInChromium({ pageHeaders: { 'Content-Security-Policy': STRICT_CSP } });

test('the viewer runs under script-src and style-src self with no CSP violation', async () => {
  const { page, pageErrors } = await freshPage(suite.browser, { acceptDownloads: true });
  await withoutSaveFilePicker(page);
  const violations = await watchCspViolations(page);
  const served = await page.goto(suite.servers.appUrl);
  expect(served?.headers()['content-security-policy']).toBe(STRICT_CSP);

  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: 'acme' });
  // The parts that compute styles or build nodes at run time: charts, the virtual table,
  // the event detail with its JSON tree, the column settings and the export dialog.
  await page.locator('[data-part="chart-plot"] svg').first().waitFor();
  await bodyRows(page).first().locator('[data-column="description"]').click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('button', { name: 'Compact rows' }).click();
  const toolbar = page.locator('[data-part="export-button"]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    toolbar.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(await download.failure()).toBeNull();
  // The manifest's link is a data URL: a download, which the policy does not govern.
  const [manifest] = await Promise.all([
    page.waitForEvent('download'),
    toolbar.getByRole('link', { name: 'Save the signed manifest' }).click(),
  ]);
  expect(await manifest.failure()).toBeNull();

  expect(await violations()).toEqual([]);

  // The policy is enforced and the watch sees it: an inline script is refused and reported.
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
    return (window as { inlineRan?: boolean }).inlineRan === true;
  });
  expect(inlineRan).toBe(false);
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
  for (const violation of await violations()) expect(violation).toMatch(/script/i);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
