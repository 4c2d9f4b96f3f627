import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openConnection } from '../../demo/server/sqlite-connection.js';
import { tamperableStore, type Tamperer } from '../support/tamper.js';
import { freshPage, launchChromium } from './support/browser.js';
import { bodyRows, signIn, waitForRows } from './support/demo-app.js';
import { startDemoServers, type DemoServers } from './support/demo-servers.js';
import { saveScreenshot, saveScreenshotVariants } from './support/screenshots.js';

// The demo served from a SQLite file, which the tests then edit behind the server's back, as
// someone with access to the database could.
let tamperer: Tamperer;
let servers: DemoServers;
let browser: Browser;
let file: string;
beforeAll(async () => {
  tamperer = await tamperableStore('sqlite');
  file = tamperer.file!;
  [servers, browser] = await Promise.all([
    startDemoServers({ store: tamperer.store, eventsPerTenant: 200 }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await servers?.close();
  await tamperer?.close();
});

/** Each shown row's mark as people get it: its accessible name, by the row's event time. */
async function marks(page: Page): Promise<{ timestamp: string; mark: string }[]> {
  return bodyRows(page).evaluateAll((rows) =>
    rows.map((row) => ({
      timestamp: row.querySelector('time')?.getAttribute('datetime') ?? '',
      mark: row.querySelector('[data-part="integrity-mark"]')?.getAttribute('aria-label') ?? '',
    })),
  );
}

/** Waits until no shown row is still being checked. */
async function waitForVerdicts(page: Page): Promise<void> {
  await waitForRows(page);
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-part="body"] [data-part="integrity-mark"]').length > 0 &&
      !document.querySelector('[data-part="body"] [data-verdict="checking"]'),
  );
}

/** The event at a place in the log. */
async function eventAt(sequence: number) {
  const api = servers.apiClient('acme');
  for (let number = 1; ; number += 1) {
    const { items } = await api.queryEvents({}, { page: number, size: 100 });
    const found = items.find((event) => event.sequence === sequence);
    if (found || items.length === 0) return found!;
  }
}

const banner = (page: Page) => page.locator('[data-part="integrity-banner"]');
const VERIFIED = 'Verified: this event is in the signed log, unchanged';

test('a changed description and a deletion hidden by cutting the log back show as failed marks and the banner; untouched rows stay verified', async () => {
  const { page, pageErrors } = await freshPage(browser);
  await signIn(page, servers.appUrl, { username: 'admin', tenant: 'acme' });
  // Rows first: the verdicts arrive after the page of 50 is painted.
  const painted = performance.now();
  await waitForVerdicts(page);
  console.log(
    `verification of a 50-row page in Chromium: ${(performance.now() - painted).toFixed(0)} ms after the rows`,
  );
  const before = await marks(page);
  expect(before.length).toBeGreaterThan(10);
  expect(before.every(({ mark }) => mark === VERIFIED)).toBe(true);
  await expect(banner(page).count()).resolves.toBe(0);

  const api = servers.apiClient('acme');
  const page1 = (await api.queryEvents({}, { size: 50 })).items;
  const changed = page1[2]!;
  // Someone edits a row in the file.
  await tamperer.setDescription('acme', changed.id, 'nothing to see here');
  // And deletes the newest event of the log, cutting the tree back by one to hide it.
  const size = (await api.getTreeHead()).tree_size;
  const victim = await eventAt(size - 1);
  await tamperer.deleteEvent('acme', victim.id);
  const db = openConnection(file, { readonly: false });
  db.prepare('UPDATE merkle_trees SET size = ? WHERE tenant_id = ?').run(size - 1, 'acme');
  db.close();

  // The next visit, in the same browser, which remembers the signed head it saw.
  await page.reload();
  await waitForVerdicts(page);
  const after = await marks(page);
  const failed = after.filter(({ mark }) => mark !== VERIFIED);
  expect(failed).toEqual([
    {
      timestamp: changed.timestamp,
      mark: 'Failed: this event differs from the one the signed log holds',
    },
  ]);
  const row = bodyRows(page).filter({ hasText: 'nothing to see here' });
  await expect(row.locator('[data-part="integrity-mark"]').textContent()).resolves.toBe('✕Changed');

  await banner(page).waitFor();
  const text = await banner(page).textContent();
  expect(text).toContain('1 event on this page failed verification (1 changed).');
  expect(text).toContain(
    `The log is not the one seen before: The log shrank from ${size} to ${size - 1} events since it was last seen.`,
  );
  await expect(banner(page).getAttribute('role')).resolves.toBe('alert');
  await saveScreenshotVariants(page, 'integrity-banner');

  // The detail of the changed row shows its proof, failed.
  await row.locator('[data-column="integrity"]').click();
  const proof = page.getByRole('region', { name: 'Integrity proof' });
  await proof.waitFor();
  await expect(proof.locator('[data-part="integrity-mark"]').textContent()).resolves.toBe(
    '✕Changed',
  );
  await expect(proof.locator('dd').nth(1).textContent()).resolves.toBe(
    new Intl.NumberFormat('en-GB').format(changed.sequence!),
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await proof.scrollIntoViewIfNeeded();
    await saveScreenshot(page, `integrity-proof-1280-${colorScheme}`, { fullPage: false });
  }
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

const CHANGED = 'Failed: this event differs from the one the signed log holds';
const NOT_IN_LOG = 'Failed: the signed log holds no such event';

test('a swapped pair, a forged row and a row deleted while the tree keeps its leaf: failed marks, and the banner names the missing sequence', async () => {
  // Another tenant than the test above, so its edits do not show here.
  const api = servers.apiClient('globex');
  const page1 = (await api.queryEvents({}, { size: 50 })).items;
  const size = (await api.getTreeHead()).tree_size;
  const [a, b] = [page1[5]!, page1[6]!];
  await tamperer.swapSequences('globex', a.id, b.id);
  // A row deleted from the middle of the page's places, the tree left as it was: no row is
  // left to mark, and the log still extends the one seen before. (The demo logged its 200
  // events out of time order, so page 1 spans the whole log: still close enough, at most
  // eight places per row, for the viewer to read them all.)
  const sequences = page1.map((event) => event.sequence!).sort((x, y) => x - y);
  const middle = sequences[Math.floor(sequences.length / 2)]!;
  const deleted = page1.find((event) => event.sequence === middle)!;
  await tamperer.deleteEvent('globex', deleted.id);
  const now = new Date().toISOString();
  const forged = {
    ...page1[0]!,
    id: 'forged-row',
    description: 'forged',
    timestamp: now,
    created_at: now,
    sequence: size,
  };
  await tamperer.appendForged(forged);

  const { page, pageErrors } = await freshPage(browser);
  await signIn(page, servers.appUrl, { username: 'admin', tenant: 'globex' });
  await waitForVerdicts(page);
  const failed = (await marks(page)).filter(({ mark }) => mark !== VERIFIED);
  expect(failed.sort((x, y) => x.timestamp.localeCompare(y.timestamp))).toEqual(
    [
      { timestamp: a.timestamp, mark: CHANGED },
      { timestamp: b.timestamp, mark: CHANGED },
      { timestamp: now, mark: NOT_IN_LOG },
    ].sort((x, y) => x.timestamp.localeCompare(y.timestamp)),
  );
  const forgedRow = bodyRows(page).filter({ hasText: 'forged' });
  await expect(forgedRow.locator('[data-part="integrity-mark"]').textContent()).resolves.toBe(
    '✕Not in log',
  );

  await banner(page)
    .getByText(/is missing/)
    .waitFor();
  const text = await banner(page).textContent();
  expect(text).toContain(
    '3 events on this page failed verification (2 changed, 1 not in the log).',
  );
  expect(text).toContain(
    `The event at sequence ${middle.toLocaleString('en')} is missing: the signed log holds it, but its row was deleted from the store.`,
  );
  expect(text).not.toContain('not the one seen before');
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('against a server without a signed log the table has no Integrity column, and the detail says why', async () => {
  const { page, pageErrors } = await freshPage(browser);
  // An older server: the tamper-evidence routes are not there.
  let answered!: () => void;
  const refused = new Promise<void>((resolve) => (answered = resolve));
  await page.route('**/api/v1/audit/tree-head', async (route) => {
    await route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'not_found', message: 'No such endpoint' }),
    });
    answered();
  });
  await signIn(page, servers.appUrl, { username: 'admin', tenant: 'initech' });
  await refused;
  await page.getByRole('columnheader', { name: 'Integrity' }).waitFor({ state: 'detached' });
  await expect(page.locator('[data-part="integrity-mark"]').count()).resolves.toBe(0);
  await expect(page.getByRole('columnheader', { name: 'Description' }).count()).resolves.toBe(1);
  await expect(banner(page).count()).resolves.toBe(0);

  await bodyRows(page).first().locator('[data-column="description"]').click();
  const proof = page.getByRole('region', { name: 'Integrity proof' });
  await proof.getByText('Not available: this server keeps no signed log of its events.').waitFor();
  await expect(proof.getByText('Checking…').count()).resolves.toBe(0);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
