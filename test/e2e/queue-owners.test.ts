import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import { submitLogin, type Credentials } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import type { DemoTenant } from './support/demo-servers.js';
import { saveScreenshotVariants } from './support/screenshots.js';

// Two tenants and two users of one tenant take turns in one browser (one IndexedDB). Each
// queues events while the API refuses them, signs out, and the next person signs in.
const suite = demoInChromium({ eventsPerTenant: 5 });

const QUEUED = 'Demo button "queued" pressed';

/** Who stored the tenant's queued demo events, by username, in order. */
async function queuedBy(tenant: DemoTenant): Promise<string[]> {
  const events = await suite.servers
    .apiClient(tenant)
    .listEvents({ resource_types: ['demo'] }, { limit: 100 });
  const names: string[] = [];
  for (const event of events.filter((e) => e.description === QUEUED)) {
    const user = await suite.servers.api.store.getUser(tenant, event.user_id ?? '');
    names.push(user?.username ?? `unknown ${event.user_id}`);
  }
  return names.sort();
}

/** The emit page's queue line, e.g. "Queue (indexeddb): 3 pending, 0 refused". */
const queueStatus = (page: Page) => page.getByText(/^Queue \(/);

async function signInToEmit(page: Page, who: Credentials): Promise<void> {
  await submitLogin(page, who);
  await page.getByRole('link', { name: 'Write events' }).click();
  await page.getByRole('heading', { name: 'Write events' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.locator('[data-part="login-form"]').waitFor();
}

/** Queues `count` events and waits until the page shows them pending. */
async function queue(page: Page, count: number, pendingAfter: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await page.getByRole('button', { name: 'Queue an event' }).click();
  }
  await expect.poll(() => queueStatus(page).textContent()).toContain(`: ${pendingAfter} pending`);
}

/** The sign-in screen's word on the last user's queued events, or null when it says nothing. */
function heldNotice(page: Page): Promise<string | null> {
  return page
    .locator('[data-part="queue-held"]')
    .textContent({ timeout: 5000 })
    .catch(() => null);
}

/** While on, the API answers every batch of events with 503: the events stay queued. */
async function refuseBatches(page: Page, on: boolean): Promise<void> {
  if (on) {
    await page.route('**/api/v1/audit/events/batch', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":"unavailable","message":"Down for the test"}',
      }),
    );
  } else {
    await page.unroute('**/api/v1/audit/events/batch');
  }
}

/**
 * Signs `who` in, queues `count` events while the API refuses them, reloads (they are
 * still there, in IndexedDB) and signs out; the API stays refusing until told otherwise.
 */
async function queueUnsentThenSignOut(page: Page, who: Credentials, count: number) {
  await refuseBatches(page, true);
  await signInToEmit(page, who);
  await queue(page, count, count);
  await page.reload();
  await page.getByRole('heading', { name: 'Write events' }).waitFor();
  await expect
    .poll(() => queueStatus(page).textContent())
    .toContain(`(indexeddb): ${count} pending`);
  await signOut(page);
}

/** Queues one event of the signed-in user's own and waits until the tenant holds it. */
async function sendOwnEvent(page: Page, tenant: DemoTenant, expected: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Queue an event' }).click();
  await expect.poll(() => queuedBy(tenant), { timeout: 20_000 }).toEqual(expected);
}

test("keeps each user's queued events from everyone else, across reloads, and delivers them when that user returns", async () => {
  const { context, page, pageErrors } = await freshPage(suite.browser);
  await page.goto(`${suite.servers.appUrl}/?signout=keep`);

  // acme's writer queues three events the API refuses, reloads, and signs out.
  await queueUnsentThenSignOut(page, { username: 'writer', tenant: 'acme' }, 3);
  // Checked at the end, so a page that cannot say this still shows where events went.
  const notice = await heldNotice(page);
  await saveScreenshotVariants(page, 'queue-held-after-sign-out');
  await refuseBatches(page, false);

  // globex's writer signs in on the same browser: their own event goes to globex, acme's
  // three do not, before or after a reload.
  await signInToEmit(page, { username: 'writer', tenant: 'globex' });
  await sendOwnEvent(page, 'globex', ['writer']);
  await page.reload();
  await page.getByRole('heading', { name: 'Write events' }).waitFor();
  await sendOwnEvent(page, 'globex', ['writer', 'writer']);
  await signOut(page);

  // acme's manager, same tenant, another user: sends their own, not the writer's.
  await signInToEmit(page, { username: 'manager', tenant: 'acme' });
  await sendOwnEvent(page, 'acme', ['manager']);
  await page.reload();
  await page.getByRole('heading', { name: 'Write events' }).waitFor();
  await expect.poll(() => queueStatus(page).textContent()).toContain(': 0 pending');
  expect(await queuedBy('acme')).toEqual(['manager']);
  await signOut(page);

  // The writer of acme returns: their three events go to acme, as them, once each.
  await signInToEmit(page, { username: 'writer', tenant: 'acme' });
  await expect
    .poll(() => queuedBy('acme'), { timeout: 20_000 })
    .toEqual(['manager', 'writer', 'writer', 'writer']);
  await expect.poll(() => queueStatus(page).textContent()).toContain(': 0 pending');
  expect(await queuedBy('globex')).toEqual(['writer', 'writer']);
  expect(notice).toBe(
    '3 queued events wait in this browser until the same user of acme signs in again.',
  );
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('discards a user’s unsent events at sign-out when the app asks, so no one sends them', async () => {
  const { context, page, pageErrors } = await freshPage(suite.browser);
  await page.goto(`${suite.servers.appUrl}/?signout=discard`);
  await queueUnsentThenSignOut(page, { username: 'writer', tenant: 'initech' }, 2);
  expect(await heldNotice(page)).toBe(
    '2 queued events of the last user of initech were discarded at sign-out.',
  );
  await refuseBatches(page, false);

  // The same user returns: only the event queued now arrives.
  await signInToEmit(page, { username: 'writer', tenant: 'initech' });
  await sendOwnEvent(page, 'initech', ['writer']);
  await page.reload();
  await page.getByRole('heading', { name: 'Write events' }).waitFor();
  await expect.poll(() => queueStatus(page).textContent()).toContain(': 0 pending');
  expect(await queuedBy('initech')).toEqual(['writer']);
  expect(pageErrors).toEqual([]);
  await context.close();
});
