import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SEVERITIES, type Severity } from '../../src/client/index.js';
import { freshPage } from './support/browser.js';
import {
  grid,
  pageStatus,
  renderedRows,
  resultRowCount,
  signIn,
  summaryFigure,
  waitForEveryRow,
  waitForRows,
} from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const SEEDED = 300;

const suite = demoInChromium({ eventsPerTenant: SEEDED });

async function signedIn(): Promise<Page> {
  const { page } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'manager', tenant: 'acme' });
  return page;
}

test('a severity filter shows only that severity, and the summary counts just those', async () => {
  const page = await signedIn();
  expect(await summaryFigure(page, 'total')).toBe(SEEDED);
  const expected = await suite.servers.apiClient('acme').queryEvents({ severities: ['warning'] });
  expect(expected.total).toBeGreaterThan(0);
  expect(expected.total).toBeLessThan(SEEDED);

  await page
    .getByRole('group', { name: 'Severities' })
    .getByRole('checkbox', { name: /^Warning/ })
    .check();
  await waitForEveryRow(page, '(row) => row.dataset.severity === "warning"');
  await page.waitForFunction(
    (total) => document.querySelector('[data-card="total"] dd')?.textContent === String(total),
    expected.total,
  );
  expect(await summaryFigure(page, 'warning')).toBe(expected.total);
  expect(await resultRowCount(page)).toBe(expected.total);
  expect(new URL(page.url()).searchParams.getAll('severities')).toEqual(['warning']);
  await saveScreenshot(page, 'filtered-by-severity');
  await page.context().close();
});

test('a time preset keeps only events inside it, and the summary follows', async () => {
  const page = await signedIn();
  const clickedAt = Date.now();
  // The page resolves the relative range once; the start it sent is the one to check against.
  const starts: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const start = url.searchParams.get('start_date');
    if (url.pathname.endsWith('/events') && start) starts.push(start);
  });
  // The range is the top bar's button: it opens the presets and then names the one chosen.
  const range = page.locator('[data-part="time-range-trigger"]');
  expect(await range.textContent()).toBe('All time');
  await range.click();
  await page
    .getByRole('dialog', { name: 'Time range' })
    .getByRole('button', { name: 'Last 24 hours' })
    .click();
  expect(await range.textContent()).toBe('Last 24 hours');
  expect(new URL(page.url()).searchParams.get('last')).toBe('24h');
  const since = clickedAt - 86_400_000 - 60_000;
  await waitForEveryRow(
    page,
    `(row) => Date.parse(row.querySelector('time').dateTime) >= ${since}`,
  );
  await page.waitForFunction(
    (seeded) =>
      Number(document.querySelector('[data-card="total"] dd')?.textContent?.replace(/\D/g, '')) <
      seeded,
    SEEDED,
  );
  const total = await summaryFigure(page, 'total');
  expect(total).toBeGreaterThan(0);
  // Under one page, so the grid holds every row the summary counts.
  expect(await resultRowCount(page)).toBe(total);
  const start = starts.at(-1)!;
  expect(Date.parse(start)).toBeGreaterThanOrEqual(since);
  const expected = await suite.servers.apiClient('acme').queryEvents({ start_date: start });
  expect(total).toBe(expected.total);
  await page.context().close();
});

test('search narrows the rows once typing pauses', async () => {
  const page = await signedIn();
  const expected = await suite.servers.apiClient('acme').queryEvents({ search: 'backup' });
  expect(expected.total).toBeGreaterThan(0);
  const searched: string[] = [];
  page.on('request', (request) => {
    const text = new URL(request.url()).searchParams.get('search');
    if (text !== null) searched.push(text);
  });
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.pressSequentially('backup', { delay: 30 });
  await waitForEveryRow(page, '(row) => /backup/i.test(row.textContent)');
  expect(new URL(page.url()).searchParams.get('search')).toBe('backup');
  // Debounced: the API is asked about the whole word, never about "b", "ba", …
  expect(new Set(searched)).toEqual(new Set(['backup']));
  expect(await resultRowCount(page)).toBe(expected.total);
  expect(await summaryFigure(page, 'total')).toBe(expected.total);
  await page.context().close();
});

test('a column header sorts by that column, both ways, and says so through aria-sort', async () => {
  const page = await signedIn();
  const header = (name: string) => grid(page).getByRole('columnheader', { name });
  expect(await header('Time').getAttribute('aria-sort')).toBe('descending');
  expect(await header('Severity').getAttribute('aria-sort')).toBe('none');
  const rank = (severity: string) => SEVERITIES.length - SEVERITIES.indexOf(severity as Severity);

  await header('Severity').getByRole('button').click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-column="severity"][role="columnheader"]')
        ?.getAttribute('aria-sort') === 'descending' &&
      document.querySelector('[data-part="table"]')?.getAttribute('data-state') === 'ready',
  );
  expect(await header('Time').getAttribute('aria-sort')).toBe('none');
  await waitForRows(page);
  let ranks = (await renderedRows(page)).map((row) => rank(row.severity));
  expect(ranks[0]).toBe(rank('critical'));
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

  await header('Severity').getByRole('button').click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-column="severity"][role="columnheader"]')
        ?.getAttribute('aria-sort') === 'ascending' &&
      document.querySelector('[data-part="body"] [role="row"]')?.getAttribute('data-severity') ===
        'debug',
  );
  await waitForRows(page);
  ranks = (await renderedRows(page)).map((row) => rank(row.severity));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  await saveScreenshot(page, 'sorted-by-severity');
  await page.context().close();
});

test('the next page shows the following rows and says "Page 2 of N"', async () => {
  const page = await signedIn();
  const pages = Math.ceil(SEEDED / 50);
  expect(await pageStatus(page).textContent()).toBe(`Page 1 of ${pages}`);
  const first = await renderedRows(page);

  await page.getByRole('button', { name: 'Next page' }).click();
  await page.waitForFunction(
    (text) => document.querySelector('[data-part="pagination"] [aria-live]')?.textContent === text,
    `Page 2 of ${pages}`,
  );
  await page.waitForFunction(
    (before) =>
      document.querySelector('[data-part="table"]')?.getAttribute('data-state') === 'ready' &&
      document.querySelector('[data-part="body"] time')?.getAttribute('datetime') !== before,
    first[0]!.timestamp,
  );
  const second = await renderedRows(page);
  const expected = await suite.servers.apiClient('acme').queryEvents({}, { page: 2, size: 50 });
  expect(second.map((row) => row.timestamp)).toEqual(
    second.map((row) => expected.items[row.index]!.timestamp),
  );
  expect(second.map((row) => row.cells.description)).toEqual(
    second.map((row) => expected.items[row.index]!.description),
  );
  // Newest first: everything on page 2 is older than everything on page 1.
  expect(Date.parse(second[0]!.timestamp)).toBeLessThanOrEqual(Date.parse(first.at(-1)!.timestamp));
  expect(new URL(page.url()).searchParams.get('page')).toBe('2');
  await page.getByRole('button', { name: 'Previous page' }).click();
  await page.waitForFunction(
    (text) => document.querySelector('[data-part="pagination"] [aria-live]')?.textContent === text,
    `Page 1 of ${pages}`,
  );
  await page.context().close();
});
