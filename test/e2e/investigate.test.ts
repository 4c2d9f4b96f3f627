import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { AuditLogEventCreate } from '../../src/client/index.js';
import { DEMO_API_KEYS } from '../../src/server/seed.js';
import { axeViolations } from './support/axe.js';
import { freshPage } from './support/browser.js';
import { demoInChromium } from './support/demo-suite.js';

const suite = demoInChromium({ page: 'investigate', eventsPerTenant: 50 });
const TENANT = 'initech';
const QUERY = '-severity:debug action:delete user:alice "project apollo"';

const event = (overrides: Partial<AuditLogEventCreate>): AuditLogEventCreate => ({
  event_type: 'data_modification',
  resource_type: 'project',
  action: 'delete',
  severity: 'warning',
  user_id: 'alice',
  description: 'Deleted Project Apollo',
  ...overrides,
});

// Two events match; each of the others misses exactly one term of the query.
const EVENTS: AuditLogEventCreate[] = [
  event({ resource_id: 'match-1' }),
  event({ resource_id: 'match-2', severity: 'critical', description: 'project APOLLO purged' }),
  event({ resource_id: 'debug', severity: 'debug' }),
  event({ resource_id: 'read', action: 'read' }),
  event({ resource_id: 'bob', user_id: 'bob' }),
  event({ resource_id: 'gemini', description: 'Deleted project Gemini' }),
];

beforeAll(async () => {
  await suite.servers.apiClient(TENANT).createEventsBatch(EVENTS);
});

const shownIds = (page: Page) =>
  page
    .getByRole('list', { name: 'Events' })
    .locator('li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-id')).sort());

async function expectedIds(query: Record<string, unknown>): Promise<string[]> {
  const answer = await suite.servers.apiClient(TENANT).queryEvents(query, { size: 100 });
  return answer.items.map((item) => item.id).sort();
}

test('a query typed with the keyboard shows exactly its events and survives a reload', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await page.goto(`${suite.servers.appUrl}/?tenant=${TENANT}&key=${DEMO_API_KEYS[TENANT]}`);
  const input = page.getByRole('combobox', { name: 'Query' });
  await input.focus();

  // Field and value through the suggestion list: ↓ picks, Enter takes.
  await page.keyboard.type('-sev');
  await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  expect(await page.locator(`[id="${active}"]`).textContent()).toBe('severity:');
  await page.keyboard.press('Enter');
  // The open combobox and its list, with counts beside, as a screen reader meets them.
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.type('deb');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await input.inputValue()).toBe('-severity:debug ');
  // Escape closes the list without touching the text.
  await page.keyboard.type('action:del');
  await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
  await page.keyboard.press('Escape');
  expect(await input.getAttribute('aria-expanded')).toBe('false');
  await page.keyboard.type('ete user:alice "project apollo"');
  expect(await input.inputValue()).toBe(QUERY);
  await page.keyboard.press('Enter');

  const expected = await expectedIds({
    exclude_severities: ['debug'],
    actions: ['delete'],
    user_ids: ['alice'],
    search: 'project apollo',
  });
  expect(expected).toHaveLength(2);
  await expect.poll(() => shownIds(page)).toEqual(expected);
  const url = new URL(page.url());
  expect(url.searchParams.getAll('exclude_severities')).toEqual(['debug']);
  expect(url.searchParams.get('search')).toBe('project apollo');

  await page.reload();
  await expect.poll(() => shownIds(page)).toEqual(expected);
  expect(await input.inputValue()).toBe(
    'action:delete user_id:alice -severity:debug "project apollo"',
  );
  expect(pageErrors).toEqual([]);
});

test('a value excluded from the facet sidebar leaves the list and joins the query', async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await page.goto(
    `${suite.servers.appUrl}/?tenant=${TENANT}&key=${DEMO_API_KEYS[TENANT]}&search=apollo`,
  );
  const users = page.locator('section[data-field="user_id"]');
  await users.getByRole('button', { name: 'Exclude User: bob' }).click();
  const expected = await expectedIds({ search: 'apollo', exclude_user_ids: ['bob'] });
  await expect.poll(() => shownIds(page)).toEqual(expected);
  const input = page.getByRole('combobox', { name: 'Query' });
  expect(await input.inputValue()).toBe('-user_id:bob apollo');

  // Picking a value with the keyboard: focus on it, Enter.
  await users.getByRole('button', { name: /^alice / }).focus();
  await page.keyboard.press('Enter');
  const alice = await expectedIds({
    search: 'apollo',
    user_ids: ['alice'],
    exclude_user_ids: ['bob'],
  });
  await expect.poll(() => shownIds(page)).toEqual(alice);
  expect(new URL(page.url()).searchParams.getAll('user_ids')).toEqual(['alice']);
  expect(pageErrors).toEqual([]);
});
