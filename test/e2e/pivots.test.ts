import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { AuditLogEventCreate } from '../../src/client/index.js';
import { axeViolations } from './support/axe.js';
import { freshPage } from './support/browser.js';
import { bodyRows, renderedRows, signIn, waitForEveryRow } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';

// Include and exclude from the facet sidebar are covered in investigate.test.ts; these are
// the pivots from a row: the detail's fields, a cell's menu, and a resource's history.
const suite = demoInChromium({ eventsPerTenant: 80 });
const TENANT = 'acme';
const RESOURCE = { resource_type: 'project', resource_id: 'apollo-pivot' };
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

// Written newest first; the history shows them oldest first.
const HISTORY: AuditLogEventCreate[] = [
  ['archive', 1, { status: 'live' }, { status: 'archived' }],
  ['rename', 2, { name: 'Apollo' }, { name: 'Apollo 11' }],
  ['publish', 3, { status: 'draft' }, { status: 'live' }],
  ['create', 4, {}, { name: 'Apollo', status: 'draft' }],
].map(([action, hours, before, after]) => ({
  event_type: 'data_modification',
  ...RESOURCE,
  action: action as string,
  severity: 'info',
  user_id: 'alice@acme.example',
  description: `Project Apollo: ${action as string}`,
  timestamp: hoursAgo(hours as number),
  metadata: { before, after },
}));

beforeAll(async () => {
  await suite.servers.apiClient(TENANT).createEventsBatch(HISTORY);
});

const detail = (page: Page) => page.getByRole('complementary', { name: 'Event detail' });
const params = (page: Page, name: string) => new URL(page.url()).searchParams.getAll(name);
/** A row test on a cell's value; a name shown for an id counts as its id. */
const cellIs = (column: string, text: string, equal = true) =>
  `((row) => { const cell = row.querySelector('[data-column="${column}"]'); const name = cell.querySelector('[data-ui="name"]'); return ((name ? name.dataset.id : cell.textContent) === ${JSON.stringify(text)}) === ${equal}; })`;

/** Opens a field's menu in `scope` and picks an item from it. */
async function pivot(page: Page, scope: Locator, menu: string | RegExp, item: string) {
  await scope.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('a value filtered to and then excluded from the detail changes the rows and the URL', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: TENANT });
  const rows = await renderedRows(page);
  const api = suite.servers.apiClient(TENANT);
  // A row whose action others did too, so excluding its user still leaves rows to see.
  let index = -1;
  for (const [at, row] of rows.entries()) {
    if (row.cells.user === '—') continue;
    const others = await api.queryEvents(
      { actions: [row.cells.action!], exclude_user_ids: [row.cells.user!] },
      { size: 1 },
    );
    if (others.total > 0) {
      index = at;
      break;
    }
  }
  expect(index).toBeGreaterThanOrEqual(0);
  const { action, user } = rows[index]!.cells as { action: string; user: string };
  await bodyRows(page).nth(index).locator('[data-column="description"]').click();
  await detail(page).waitFor();

  await pivot(page, detail(page), `Actions for Action: ${action}`, 'Filter to this value');
  await waitForEveryRow(page, cellIs('action', action));
  expect(params(page, 'actions')).toEqual([action]);
  const narrowed = await api.queryEvents({ actions: [action] }, { size: 1 });
  await expect
    .poll(() => page.locator('[data-part="match-count"]').textContent())
    .toBe(`${narrowed.total} events`);
  // The query bar shows the same query the pivot edited.
  const queryBar = page.getByRole('combobox', { name: 'Query' });
  await expect.poll(() => queryBar.inputValue()).toContain(`action:${action}`);

  // The detail stays open on its event, which still matches: exclude its user next.
  await pivot(page, detail(page), `Actions for User: ${user}`, 'Exclude this value');
  await waitForEveryRow(
    page,
    `(row) => ${cellIs('action', action)}(row) && ${cellIs('user', user, false)}(row)`,
  );
  expect(params(page, 'actions')).toEqual([action]);
  expect(params(page, 'exclude_user_ids')).toEqual([user]);
  const expected = await api.queryEvents(
    { actions: [action], exclude_user_ids: [user] },
    { size: 1 },
  );
  await expect
    .poll(() => page.locator('[data-part="match-count"]').textContent())
    .toBe(`${expected.total} events`);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('a cell’s menu, reached from the keyboard, excludes its value from the list', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: TENANT });
  const first = bodyRows(page).first();
  const severity = (await first.getAttribute('data-severity'))!;
  const trigger = first.getByRole('button', { name: /^Actions for Severity: / });
  await trigger.waitFor({ state: 'attached' });
  await first.focus();
  await page.keyboard.press('Tab');
  expect(await trigger.evaluate((button) => button === document.activeElement)).toBe(true);
  expect(
    await trigger.evaluate(
      (button) => getComputedStyle(button.parentElement!.parentElement!).opacity,
    ),
  ).toBe('1');

  // Enter opens on the first item, Escape closes and gives focus back to the button.
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: /^Actions for Severity: / });
  await menu.waitFor();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  expect(await trigger.evaluate((button) => button === document.activeElement)).toBe(true);
  // The menu took Escape for itself: nothing else in the viewer closed or changed.
  expect(params(page, 'exclude_severities')).toEqual([]);

  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Exclude this value');
  await page.keyboard.press('Enter');
  await waitForEveryRow(page, `(row) => row.dataset.severity !== ${JSON.stringify(severity)}`);
  expect(params(page, 'exclude_severities')).toEqual([severity]);
  // The row went with its value; focus stays in the grid.
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-part') === 'row');
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('a resource’s history shows its events oldest first with their changes, and Back returns', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'admin', tenant: TENANT });
  const queryBar = page.getByRole('combobox', { name: 'Query' });
  await queryBar.fill('action:rename');
  await queryBar.press('Enter');
  await waitForEveryRow(page, cellIs('action', 'rename'));
  const search = () => [...new URL(page.url()).searchParams].map(String).sort();
  const before = search();
  const row = bodyRows(page).filter({ hasText: 'Project Apollo: rename' });
  await row.hover();
  await pivot(
    page,
    row,
    /^Actions for Resource type: project, Resource: apollo-pivot$/,
    'History of this resource',
  );

  const history = page.getByRole('region', { name: 'History of project / apollo-pivot' });
  await history.waitFor();
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-part') === 'history-title',
  );
  expect(params(page, 'history_id')).toEqual(['apollo-pivot']);
  expect(await page.getByRole('grid').isVisible()).toBe(false);
  const entries = history.getByRole('listitem');
  await expect.poll(() => entries.count()).toBe(4);
  expect(await history.locator('[data-part="history-action"]').allTextContents()).toEqual([
    'create',
    'publish',
    'rename',
    'archive',
  ]);
  // Each entry's own change, before beside after.
  const diff = async (index: number) =>
    entries
      .nth(index)
      .getByRole('table', { name: 'Changes' })
      .locator('tbody tr')
      .allTextContents();
  expect(await diff(1)).toEqual(['status"draft""live"']);
  expect(await diff(2)).toEqual(['name"Apollo""Apollo 11"']);
  expect(await history.getByText('Events 1–4 of 4, oldest first').isVisible()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  // Back: the list and its query as they were, focus on the menu the history came from.
  await history.getByRole('button', { name: 'Back' }).click();
  await history.waitFor({ state: 'detached' });
  expect(search()).toEqual(before);
  await waitForEveryRow(page, cellIs('action', 'rename'));
  await page.waitForFunction(() =>
    document.activeElement?.getAttribute('aria-label')?.startsWith('Actions for Resource type'),
  );

  // The browser's Back leaves a history too, as it closes an open event.
  await pivot(
    page,
    row,
    /^Actions for Resource type: project, Resource: apollo-pivot$/,
    'History of this resource',
  );
  await history.waitFor();
  await page.goBack();
  await history.waitFor({ state: 'detached' });
  expect(search()).toEqual(before);
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
