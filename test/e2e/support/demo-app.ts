import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/server/seed.js';

export interface Credentials {
  username: string;
  tenant: string;
  password?: string;
}

/** Fills the demo's login form and submits it, as a person would. */
export async function submitLogin(page: Page, { username, tenant, password }: Credentials) {
  const form = page.locator('[data-part="login-form"]');
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(password ?? DEMO_PASSWORD);
  await form.getByLabel('Tenant').selectOption(tenant);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the demo, signs in and waits for the viewer's first rows. */
export async function signIn(page: Page, appUrl: string, credentials: Credentials) {
  await page.goto(appUrl);
  await submitLogin(page, credentials);
  await waitForRows(page);
}

export const grid = (page: Page): Locator => page.getByRole('grid');
export const bodyRows = (page: Page): Locator => page.locator('[data-part="body"] [role="row"]');

/** Waits until the table has settled: rows on screen and no request for them under way. */
export async function waitForRows(page: Page): Promise<void> {
  await page.locator('[data-part="table"][data-state="ready"]').waitFor();
}

/**
 * Waits until the table has settled with rows that all pass `predicate`, the source of a
 * function of the row element: the new query's answer has replaced the old rows.
 */
export async function waitForEveryRow(page: Page, predicate: string): Promise<void> {
  await page.waitForFunction(`(() => {
    const table = document.querySelector('[data-part="table"]');
    const rows = [...document.querySelectorAll('[data-part="body"] [role="row"]')];
    return table?.dataset.state === 'ready' && rows.length > 0 && rows.every(${predicate});
  })()`);
}

/** The pagination's "Page x of y" text. */
export const pageStatus = (page: Page): Locator =>
  page.getByRole('navigation', { name: 'Pages' }).locator('[aria-live]');

export interface RenderedRow {
  /** 0-based position in the page of results (from `aria-rowindex`). */
  index: number;
  severity: string;
  /** The event's timestamp, from the time cell's `datetime`. */
  timestamp: string;
  /** Cell text by column id. */
  cells: Record<string, string>;
}

/** The rows the table has in the DOM (it is virtualized: those near the viewport), in order. */
export function renderedRows(page: Page): Promise<RenderedRow[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-part="body"] [role="row"]')]
      .map((row) => ({
        index: Number(row.getAttribute('aria-rowindex')) - 2,
        severity: row.dataset.severity ?? '',
        timestamp: row.querySelector('time')?.getAttribute('datetime') ?? '',
        cells: Object.fromEntries(
          [...row.querySelectorAll<HTMLElement>('[data-part="cell"]')].map((cell) => {
            // A name shown for an id reads as the id, whether or not it has arrived yet.
            const text = cell.cloneNode(true) as HTMLElement;
            for (const name of text.querySelectorAll<HTMLElement>('[data-ui="name"]'))
              name.textContent = name.dataset.id ?? name.textContent;
            return [cell.dataset.column ?? '', text.textContent ?? ''];
          }),
        ),
      }))
      .sort((a, b) => a.index - b.index),
  );
}

/** The number of rows in the current page of results, from the grid's `aria-rowcount`. */
export async function resultRowCount(page: Page): Promise<number> {
  const text = await grid(page).getAttribute('aria-rowcount');
  return Number(text) - 1;
}

/** The summary card's figure, e.g. "Events" → 300. */
export async function summaryFigure(page: Page, card: string): Promise<number> {
  const text = await page
    .locator(`[data-part="summary-card"][data-card="${card}"] dd`)
    .textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}
