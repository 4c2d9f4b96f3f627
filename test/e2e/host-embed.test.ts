import { readFile } from 'node:fs/promises';
import type { Page, Request } from 'playwright-core';
import { expect, test } from 'vitest';
import { hostBackendPlugin } from '../../demo/host/host-vite-plugin.js';
import { HOST_PASSWORD } from '../../demo/host/host-users.js';
import { provisionEmbedKeys } from '../../demo/host/provision-embed-keys.js';
import { DEMO_API_KEYS, DEMO_PASSWORD } from '../../src/server/seed.js';
import { findSecrets } from '../support/secret-scan.js';
import { freshPage, withoutSaveFilePicker } from './support/browser.js';
import { bodyRows, renderedRows, summaryFigure, waitForRows } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';
import { STRICT_CSP, watchCspViolations } from './support/strict-csp.js';

let embedKeys: Promise<Record<string, string>>;
const suite = demoInChromium({
  page: 'host',
  // The access view lists what the server records.
  accessRecords: true,
  // The host serves its panel under a strict policy: embedding must not need it loosened.
  pageHeaders: { 'Content-Security-Policy': STRICT_CSP },
  pagePlugins: (auditBaseUrl) => [
    hostBackendPlugin({
      auditBaseUrl,
      embedKeys: (embedKeys = provisionEmbedKeys(auditBaseUrl, ['acme', 'globex'])),
    }),
  ],
});

/** Every credential of the audit service that must stay on servers. */
const SERVER_SECRETS = [DEMO_PASSWORD, ...Object.values(DEMO_API_KEYS)];
const API_KEY_SHAPE = /alk_[\w-]{8,}/;

interface SeenRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Records every request the page makes, with all its headers (cookies included) and body. */
function recordRequests(page: Page): SeenRequest[] {
  const seen: SeenRequest[] = [];
  page.on('request', (request: Request) => {
    void request
      .allHeaders()
      .then((headers) =>
        seen.push({ url: request.url(), headers, body: request.postData() ?? '' }),
      );
  });
  return seen;
}

async function hostSignIn(page: Page, username: string): Promise<void> {
  await page.goto(suite.servers.appUrl);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(HOST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-part="host-user"]').waitFor();
}

/** Everything a page script can read: the document, web storage, IndexedDB and cookies. */
function readablePageState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`);
    const databases = await indexedDB.databases();
    const stored: string[] = [];
    for (const { name } of databases) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const storeName of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const read = db.transaction(storeName).objectStore(storeName).getAll();
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        });
        stored.push(`${name}/${storeName}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    return [
      document.documentElement.outerHTML,
      ...dump(localStorage),
      ...dump(sessionStorage),
      ...stored,
      `cookie: ${document.cookie}`,
    ].join('\n');
  });
}

async function expectNoServerSecrets(text: string, where: string): Promise<void> {
  for (const secret of [...SERVER_SECRETS, ...Object.values(await embedKeys)])
    expect(text, where).not.toContain(secret);
  expect(text, where).not.toMatch(API_KEY_SHAPE);
}

test('a host user sees only their scope, and no audit password or API key reaches the page', async () => {
  const { page, pageErrors } = await freshPage(suite.browser, { acceptDownloads: true });
  await withoutSaveFilePicker(page);
  const violations = await watchCspViolations(page);
  const requests = recordRequests(page);
  await hostSignIn(page, 'dana');
  await waitForRows(page);

  // Dana's scope is acme's sign-in events: every row is one, and the count is theirs alone.
  const acme = suite.servers.apiClient('acme');
  const scoped = await acme.queryEvents({ event_types: ['authentication'] }, { size: 1 });
  const everything = await acme.queryEvents({}, { size: 1 });
  expect(scoped.total).toBeGreaterThan(0);
  expect(everything.total).toBeGreaterThan(scoped.total);
  const rows = await renderedRows(page);
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((row) => row.cells.event_type))).toEqual(new Set(['Authentication']));
  expect(await summaryFigure(page, 'total')).toBe(scoped.total);

  // Open an event and export: both are reads the access view must list.
  await bodyRows(page).first().locator('[data-column="description"]').click();
  await page.getByRole('complementary', { name: 'Event detail' }).waitFor();
  const toolbar = page.locator('[data-part="export-button"]');
  await toolbar.getByLabel('Format').selectOption({ label: 'CSV' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    toolbar.getByRole('button', { name: 'Export' }).click(),
  ]);
  const exported = await readFile(await download.path(), 'utf8');
  expect(exported.trim().split('\n')).toHaveLength(scoped.total + 1);
  await saveScreenshot(page, 'host-embed-viewer');

  const readable = await readablePageState(page);
  await expectNoServerSecrets(readable, 'page, storage or cookies');
  // Not even the viewer token: it lives in the client's memory, out of reach of storage.
  expect(findSecrets(readable)).toEqual([]);
  // The host's sign-in cookie is HttpOnly: no page script can read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const apiRequests = requests.filter((request) =>
    new URL(request.url).pathname.startsWith('/api/'),
  );
  expect(apiRequests.length).toBeGreaterThan(0);
  for (const request of requests) {
    await expectNoServerSecrets(
      `${request.url}\n${JSON.stringify(request.headers)}\n${request.body}`,
      request.url,
    );
    expect(Object.keys(request.headers)).not.toContain('x-api-key');
  }
  // The audit API gets a bearer token and never the host's cookie.
  for (const request of apiRequests) {
    expect(request.headers['authorization']).toMatch(/^Bearer /);
    expect(request.headers['cookie']).toBeUndefined();
  }
  expect(await violations()).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('the access view lists the host user’s own views and export', async () => {
  const { page, pageErrors } = await freshPage(suite.browser, { acceptDownloads: true });
  await withoutSaveFilePicker(page);
  const startedAt = new Date().toISOString();
  await hostSignIn(page, 'dana');
  await waitForRows(page);
  // A query of its own (the same query within a minute is recorded once, so the first
  // page may already be on record from another test).
  await Promise.all([
    page.waitForResponse(
      (answer) => answer.url().includes('/events?') && answer.url().includes('search=password'),
    ),
    page.getByRole('searchbox', { name: 'Search' }).fill('password'),
  ]);
  await waitForRows(page);
  await bodyRows(page).first().locator('[data-column="description"]').click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  const openedId = await detail
    .locator('[data-part="field"]')
    .filter({ has: page.locator('dt', { hasText: /^Event id$/ }) })
    .locator('dd [data-part="value"]')
    .textContent();
  const toolbar = page.locator('[data-part="export-button"]');
  await toolbar.getByLabel('Format').selectOption({ label: 'CSV' });
  await Promise.all([
    page.waitForEvent('download'),
    toolbar.getByRole('button', { name: 'Export' }).click(),
  ]);
  await toolbar.getByRole('status').waitFor();

  await page.getByRole('link', { name: 'Who looked' }).click();
  await page.locator('[data-part="access-log"] [data-part="table"][data-state="ready"]').waitFor();
  // This test's reads: Dana's, since it started.
  const mine = (await renderedRows(page)).filter(
    (row) => row.cells.user === 'dana (Viewer session)' && row.timestamp >= startedAt,
  );
  const searched = await suite.servers
    .apiClient('acme')
    .queryEvents({ event_types: ['authentication'], search: 'password' }, { size: 1 });
  expect(searched.total).toBeGreaterThan(0);
  expect(mine).toContainEqual(
    expect.objectContaining({
      cells: expect.objectContaining({
        action: 'Listed events',
        access_query: 'Search: password',
        access_rows: String(searched.total),
      }),
    }),
  );
  expect(mine.map((row) => row.cells.access_query)).toContain(`Event ${openedId}`);
  // The export is of what was on screen: the search, inside the session's scope.
  const exported = mine.find((row) => row.cells.action === 'Exported')!;
  expect(exported.cells.access_format).toBe('CSV');
  expect(exported.cells.access_query).toBe('Search: password');
  expect(Number(exported.cells.access_rows)).toBe(searched.total);
  await saveScreenshot(page, 'host-embed-access');
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('ending audit access from the host stops the session’s token at its next request', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  const requests = recordRequests(page);
  await hostSignIn(page, 'lee');
  await waitForRows(page);
  // Lee's scope is globex's errors and critical events.
  const rows = await renderedRows(page);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(['error', 'critical']).toContain(row.severity);
  // Lee's host account may not export, so neither may the session: the button says why.
  // The rights arrive with the session's own request, which may follow the first rows.
  const toolbar = page.locator('[data-part="export-button"]');
  await toolbar.locator('[data-part="hint"]').waitFor();
  expect(await toolbar.getByRole('button', { name: 'Export' }).isDisabled()).toBe(true);
  expect(await toolbar.locator('[data-part="hint"]').textContent()).toMatch(
    /does not include exporting/,
  );
  const token = requests
    .map((request) => request.headers['authorization'])
    .find((header) => header?.startsWith('Bearer '))!;
  const read = () =>
    fetch(`${suite.servers.api.baseUrl}/api/v1/audit/events?size=1`, {
      headers: { Authorization: token },
    });
  expect((await read()).status).toBe(200);

  await page.getByRole('button', { name: 'End audit access' }).click();
  await page.locator('[data-part="audit-ended"]').waitFor();
  expect((await read()).status).toBe(401);
  expect(await bodyRows(page).count()).toBe(0);
  // And the host mints no new session for this sign-in.
  expect(
    await page.evaluate(
      async () => (await fetch('/host/audit-session', { method: 'POST' })).status,
    ),
  ).toBe(403);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
