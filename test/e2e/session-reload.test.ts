import type { Request } from 'playwright-core';
import { expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import { submitLogin, waitForRows } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';

const suite = demoInChromium();

const apiRequests = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url()).pathname.startsWith('/api/'));

test('a reload keeps the tenant: the page still names it and every request carries it', async () => {
  const { context, page, pageErrors } = await freshPage(suite.browser);
  await page.goto(suite.servers.appUrl);
  await submitLogin(page, { username: 'viewer', tenant: 'globex' });
  await waitForRows(page);
  expect(await page.getByText('Tenant: globex').count()).toBe(1);

  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.reload();
  await waitForRows(page);
  expect(await page.getByText('Tenant: globex').count()).toBe(1);
  const sent = apiRequests(requests);
  expect(sent.length).toBeGreaterThan(0);
  // Every request made as the user names the tenant (the log's public keys are nobody's).
  const signed = sent.filter((request) => request.headers()['authorization']);
  expect(signed.length).toBeGreaterThan(0);
  for (const request of signed)
    expect(request.headers()['x-tenant-id'], request.url()).toBe('globex');
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('signing out sends nothing with the revoked token after the revocation, and logs no error', async () => {
  const { context, page, pageErrors } = await freshPage(suite.browser);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(suite.servers.appUrl);
  await submitLogin(page, { username: 'admin', tenant: 'acme' });
  await waitForRows(page);

  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('[data-part="login-form"]').waitFor();
  // Give any late refetch the time it would take to go out.
  await page.waitForTimeout(500);

  const sent = apiRequests(requests);
  const logout = sent.findIndex((request) => request.url().endsWith('/auth/logout'));
  expect(logout).toBeGreaterThanOrEqual(0);
  const revoked = sent[logout]!.headers()['authorization'];
  expect(revoked).toMatch(/^Bearer /);
  const afterwards = sent.slice(logout + 1).filter((r) => r.headers()['authorization'] === revoked);
  expect(afterwards.map((request) => request.url())).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
  await context.close();
});
