import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { beforeAll, expect, test } from 'vitest';
import type { AuditLogEvent } from '../../src/client/index.js';
import { HOSTILE_EVENTS } from '../../src/server/hostile-events.js';
import { freshPage, withoutSaveFilePicker } from './support/browser.js';
import { bodyRows, resultRowCount, signIn, submitLogin } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { inertnessProblems } from './support/inertness.js';
import { saveScreenshot } from './support/screenshots.js';

let stored: AuditLogEvent[];
let since: string;
const isHuge = (event: { description: string }) => event.description.length > 100_000;
// The 1 MiB description goes to its own tenant: it is checked on its own, below.
const SHOWN = HOSTILE_EVENTS.filter((event) => !isHuge(event));

const suite = demoInChromium();

beforeAll(async () => {
  since = new Date(Date.now() - 1000).toISOString();
  stored = await suite.servers.apiClient('initech').createEventsBatch(SHOWN);
  await suite.servers.apiClient('globex').createEventsBatch(HOSTILE_EVENTS.filter(isHuge));
});

test('hostile events are shown as text, run nothing and keep the layout, in the list and in detail', async () => {
  const { page, pageErrors } = await freshPage(suite.browser, { acceptDownloads: true });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Only the hostile events: they are the newest in initech.
  await signIn(page, `${suite.servers.appUrl}/?start_date=${encodeURIComponent(since)}`, {
    username: 'admin',
    tenant: 'initech',
  });
  expect(await resultRowCount(page)).toBe(SHOWN.length);
  expect(await inertnessProblems(page)).toEqual([]);
  await saveScreenshot(page, 'hostile-events-list');

  const detail = page.getByRole('complementary', { name: 'Event detail' });
  for (let index = 0; index < stored.length; index += 1) {
    await bodyRows(page)
      .and(page.locator(`[aria-rowindex="${index + 2}"]`))
      .locator('[data-column="time"]')
      .click();
    const id = new URL(page.url()).searchParams.get('event');
    const event = stored.find((candidate) => candidate.id === id)!;
    expect(event).toBeDefined();
    await detail.locator('[data-part="field"]', { hasText: event.id }).waitFor();
    expect(await inertnessProblems(page), `after opening ${event.action.slice(0, 40)}`).toEqual([]);
    if (index === 0) {
      await detail.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'hostile-event-detail', { fullPage: false });
    }
  }

  // The markup is on screen, as the characters it is made of.
  const markup = stored.find((event) => event.description.startsWith('<img'))!;
  await page.goto(
    `${suite.servers.appUrl}/?start_date=${encodeURIComponent(since)}&event=${markup.id}`,
  );
  await detail.waitFor();
  expect(await detail.locator('header [data-part="value"]').textContent()).toBe(markup.description);
  expect(await inertnessProblems(page)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('the CSV export of hostile events has every formula neutralised', async () => {
  const { page } = await freshPage(suite.browser, { acceptDownloads: true });
  await withoutSaveFilePicker(page);
  await signIn(page, `${suite.servers.appUrl}/?start_date=${encodeURIComponent(since)}`, {
    username: 'admin',
    tenant: 'initech',
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-part="export-button"]').getByRole('button', { name: 'Export' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true }).data.filter(
    (row) => row.id,
  );
  expect(rows.map((row) => row.id).sort()).toEqual(stored.map((event) => event.id).sort());

  // The server's rule (src/server/export/csv-rows.ts): a cell starting with = + - @ tab or CR
  // gets a leading apostrophe, so no spreadsheet reads it as a formula.
  const risky = /^[=+\-@\t\r]/;
  for (const row of rows) {
    for (const [column, cell] of Object.entries(row)) {
      expect(risky.test(cell), `${column} = ${cell.slice(0, 40)}`).toBe(false);
    }
  }
  const formula = stored.find((event) => event.resource_type === '=1+1')!;
  const row = rows.find((candidate) => candidate.id === formula.id)!;
  expect(row.action).toBe(`'${formula.action}`);
  expect(row.resource_type).toBe("'=1+1");
  expect(row.resource_id).toBe(`'${formula.resource_id}`);
  expect(row.description).toBe(`'${formula.description}`);
  expect(row.user_id).toBe("'@mallory");
  // Text that is not a formula is left exactly as stored.
  const plain = stored.find((event) => event.action === 'deep.metadata')!;
  expect(rows.find((candidate) => candidate.id === plain.id)!.description).toBe(plain.description);
  await page.context().close();
});

test('an event with a 1 MiB description leaves the viewer responsive', async () => {
  const { page } = await freshPage(suite.browser);
  await page.goto(`${suite.servers.appUrl}/?start_date=${encodeURIComponent(since)}`);
  await submitLogin(page, { username: 'admin', tenant: 'globex' });
  // Bounded, so a renderer stuck in layout fails here rather than at the test's timeout.
  await page.locator('[data-part="table"][data-state="ready"]').waitFor({ timeout: 10_000 });
  const started = Date.now();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(Date.now() - started).toBeLessThan(1000);
  expect(await inertnessProblems(page)).toEqual([]);

  // The detail shows the start of each huge value, and all of it on request, without freezing.
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  const paintsWithin = async (ms: number, act: () => Promise<unknown>) => {
    const begun = Date.now();
    await act();
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(Date.now() - begun).toBeLessThan(ms);
  };
  await paintsWithin(2000, async () => {
    await bodyRows(page).first().locator('[data-column="time"]').click();
    await detail.locator('header [data-part="value"]').waitFor();
  });
  const description = detail.locator('header [data-part="value"]');
  expect((await description.textContent())!.length).toBeLessThan(5000);
  await paintsWithin(2000, () =>
    detail.getByRole('button', { name: 'Show all 1,048,576 characters' }).click(),
  );
  expect((await description.textContent())!.length).toBe(1_048_576);
  await detail.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'huge-description-revealed', { fullPage: false });
  await paintsWithin(2000, () =>
    detail.getByRole('button', { name: 'Show all 100,002 characters' }).click(),
  );
  expect(await inertnessProblems(page)).toEqual([]);
  await page.context().close();
});
