import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import { bodyRows, signIn } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';

/**
 * The policy a careful host serves its admin panel with. Scripts only from the page's own
 * origin and no `unsafe-eval`; styles only from files too: no `unsafe-inline`, as the kit's
 * styles are stylesheets and the few computed ones (column widths, virtual row offsets, chart
 * geometry) are set through the CSSOM by React, which `style-src` does not govern. Images
 * may be `data:` URLs, which Recharts' SVG never needs but some hosts' icons do: it is the
 * one allowance, and it grants no script.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const suite = demoInChromium({ pageHeaders: { 'Content-Security-Policy': POLICY } });

/** Collects every CSP violation the page reports, from the event and from the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { cspViolations?: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}`);
    });
  });
  return async () => [
    ...(await page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations ?? [])),
    ...fromConsole,
  ];
}

test('the viewer runs under script-src and style-src self with no CSP violation', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  const violations = await watchViolations(page);
  const served = await page.goto(suite.servers.appUrl);
  expect(served?.headers()['content-security-policy']).toBe(POLICY);

  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: 'acme' });
  // The parts that compute styles or build nodes at run time: charts, the virtual table,
  // the event detail with its JSON tree, the column settings and the export dialog.
  await page.locator('[data-part="chart-plot"] svg').first().waitFor();
  await bodyRows(page).first().locator('[data-column="description"]').click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('button', { name: 'Compact rows' }).click();

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
