import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { demoActors, demoResources } from '../../demo/app/demo-directory.js';
import { freshPage } from './support/browser.js';
import { signIn, waitForEveryRow } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const TENANT = 'acme';
const suite = demoInChromium({ eventsPerTenant: 200 });

interface ShownName {
  text: string;
  title: string;
  state: string;
}

/** The names shown in a part of the page, once none of them is still loading. */
async function settledNames(page: Page, selector: string): Promise<ShownName[]> {
  await page.waitForFunction((selector) => {
    const names = [...document.querySelectorAll<HTMLElement>(selector)];
    return names.length > 0 && names.every((name) => name.dataset.state !== 'loading');
  }, selector);
  return page.$$eval(selector, (names) =>
    names.map((name) => ({
      text: name.querySelector('[data-part="value"]')?.textContent ?? '',
      title: name.getAttribute('title') ?? '',
      state: (name as HTMLElement).dataset.state ?? '',
    })),
  );
}

/** What the demo's directory calls an id, asked directly. */
async function directoryName(kind: 'actor' | 'resource', id: string): Promise<string | undefined> {
  const resolve = kind === 'actor' ? demoActors : demoResources;
  return (await resolve([id], { tenantId: TENANT }))[id]?.name;
}

const idIn = (shown: ShownName) =>
  shown.state === 'named' ? (/\(id (.+)\)$/.exec(shown.title)?.[1] ?? '') : shown.title;

/** Each name is the directory's for its id, the id in its tooltip; ids it lacks show as ids. */
async function expectDirectoryNames(kind: 'actor' | 'resource', shown: readonly ShownName[]) {
  expect(shown.some((name) => name.state === 'named')).toBe(true);
  for (const name of shown) {
    const id = idIn(name);
    const expected = await directoryName(kind, id);
    if (expected === undefined) expect([name.state, name.text]).toEqual(['id', id]);
    else
      expect([name.state, name.text, name.title]).toEqual([
        'named',
        expected,
        `${expected} (id ${id})`,
      ]);
  }
}

test("the directory's names show in the table, the detail, the facets and the chips, each with its id", async () => {
  const { page, pageErrors } = await freshPage(suite.browser);
  await signIn(page, suite.servers.appUrl, { username: 'manager', tenant: TENANT });

  // Table: every user and resource cell names its id, the id in the tooltip.
  const users = await settledNames(
    page,
    '[data-part="body"] [data-column="user"] [data-ui="name"]',
  );
  await expectDirectoryNames('actor', users);
  await expectDirectoryNames(
    'resource',
    await settledNames(page, '[data-part="body"] [data-column="resource"] [data-ui="name"]'),
  );
  // One line each: rows keep one height whatever the names.
  const heights = await page.$$eval('[data-part="body"] [role="row"]', (rows) => [
    ...new Set(rows.map((row) => Math.round(row.getBoundingClientRect().height))),
  ]);
  expect(heights).toHaveLength(1);

  // Detail: the name links to the directory in a new tab; the id sits beside it.
  const first = users.find((user) => user.state === 'named')!;
  await page
    .locator('[data-part="body"] [role="row"]')
    .filter({ has: page.locator(`[data-column="user"] [title="${first.title}"]`) })
    .first()
    .locator('[data-column="time"]')
    .click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  const link = detail.getByRole('link', { name: first.text });
  await link.waitFor();
  const userId = idIn(first);
  expect(await link.getAttribute('href')).toBe(
    `https://directory.example/${TENANT}/people/${userId.split('@')[0]}`,
  );
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await detail.locator('[data-name="actor"] [data-part="name-id"]').textContent()).toBe(
    userId,
  );
  await saveScreenshot(page, 'names-table-and-detail');

  // Facets: the user field's values are names; picking one filters by its id.
  const facet = page.locator('section[data-field="user_id"]');
  const facetNames = await settledNames(
    page,
    'section[data-field="user_id"] [data-part="facet-include"] [data-ui="name"]',
  );
  await expectDirectoryNames('actor', facetNames);
  const picked = facetNames.find((name) => name.state === 'named')!;
  await facet.getByRole('button', { name: new RegExp(`^${picked.text} \\d+$`) }).click();
  const pickedId = idIn(picked);
  await waitForEveryRow(
    page,
    `(row) => row.querySelector('[data-column="user"] [data-ui="name"]')?.title.endsWith('(id ${pickedId})')`,
  );
  expect(new URL(page.url()).searchParams.getAll('user_ids')).toEqual([pickedId]);

  // Chip: the filter reads as the name, the id in its tooltip.
  const chip = page.getByRole('button', { name: `Remove filter: User: ${picked.text}` });
  await chip.waitFor();
  expect(await chip.getAttribute('title')).toBe(`${picked.text} (id ${pickedId})`);
  await saveScreenshot(page, 'names-facets-and-chips');
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
