import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { freshPage } from './support/browser.js';
import { bodyRows, signIn } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { axeViolations } from './support/axe.js';
import { saveScreenshot } from './support/screenshots.js';

const suite = demoInChromium();

interface Layout {
  viewerTop: number;
  firstRowTop: number;
  /** Rows whose whole height lies inside both the window and the table's viewport. */
  rowsVisible: number;
  /** The page scrolls (a second scrollbar beside the table's). */
  pageScrolls: boolean;
  /** How far the widest element of the viewer reaches past the window's right edge. */
  overflowX: number;
}

/** Measures the signed-in viewer as it stands in the window, without scrolling anything. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const viewer = document.querySelector('[data-part="viewer"]')!.getBoundingClientRect();
    const viewport = document.querySelector('[data-part="table"] [data-part="viewport"]')!;
    const box = viewport.getBoundingClientRect();
    const bottom = Math.min(window.innerHeight, box.bottom);
    const rows = [...document.querySelectorAll('[data-part="body"] [role="row"]')].map((row) =>
      row.getBoundingClientRect(),
    );
    const first = rows.reduce((top, row) => Math.min(top, row.top), Infinity);
    const width = document.documentElement.clientWidth;
    let overflowX = document.documentElement.scrollWidth - width;
    // Inside the table's own scroll box, columns may run on: that box scrolls sideways.
    for (const element of document.querySelectorAll('[data-part="viewer"] *')) {
      if (element.closest('[data-part="viewport"]')) continue;
      overflowX = Math.max(overflowX, element.getBoundingClientRect().right - width);
    }
    return {
      viewerTop: viewer.top,
      firstRowTop: first,
      rowsVisible: rows.filter((row) => row.top >= box.top && row.bottom <= bottom + 0.5).length,
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
      overflowX,
    };
  });
}

async function signedIn(width: number, height: number) {
  const fresh = await freshPage(suite.browser);
  await fresh.page.setViewportSize({ width, height });
  await signIn(fresh.page, suite.servers.appUrl, { username: 'admin', tenant: 'acme' });
  return fresh;
}

test('at 1280×800 the rows start near the top, fill the window, and only the table scrolls', async () => {
  const { page, pageErrors } = await signedIn(1280, 800);
  await page.getByRole('button', { name: 'Columns' }).waitFor();
  await page.getByRole('button', { name: 'Export', exact: true }).waitFor();
  const layout = await measure(page);
  const bar = await barRows(page);
  console.info('viewer layout at 1280×800', layout, bar);
  // Every control on one line: the format select, Columns and Compact rows as buttons of their own.
  expect(bar.rows).toBe(1);
  expect(await page.getByLabel('Format').isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Compact rows' }).isVisible()).toBe(true);
  expect(layout.firstRowTop - layout.viewerTop).toBeLessThanOrEqual(400);
  expect(layout.firstRowTop).toBeLessThanOrEqual(400);
  expect(layout.rowsVisible).toBeGreaterThanOrEqual(15);
  expect(layout.pageScrolls).toBe(false);
  expect(layout.overflowX).toBeLessThanOrEqual(0);
  await saveScreenshot(page, 'viewer-1280', { fullPage: false });
  expect(pageErrors).toEqual([]);
  await page.context().close();
});

test('a clicked row opens its detail beside the table, wholly in the window; Escape closes it and focus goes back to the row', async () => {
  const { page } = await signedIn(1280, 800);
  const row = bodyRows(page).nth(3);
  const rowIndex = await row.getAttribute('aria-rowindex');
  await row.locator('[data-column="action"]').click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();
  const box = (await detail.boundingBox())!;
  const table = (await page.locator('[data-part="table"]').boundingBox())!;
  console.info('detail panel at 1280×800', box);
  expect(box.x).toBeGreaterThanOrEqual(table.x + table.width - 1);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect((await measure(page)).pageScrolls).toBe(false);
  await saveScreenshot(page, 'viewer-1280-detail', { fullPage: false });

  // The panel took focus; Escape closes it and focus is back on the row it came from.
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached' });
  expect(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex') ?? null),
  ).toBe(rowIndex);

  // Escape closes it from anywhere in the viewer, here the top bar.
  await row.locator('[data-column="action"]').click();
  await detail.waitFor();
  await page.locator('[data-part="viewer-bar"] [data-part="sidebar-toggle"]').focus();
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached' });
  await page.context().close();
});

test('the detail panel widens when its edge is dragged', async () => {
  const { page } = await signedIn(1280, 800);
  await bodyRows(page).first().locator('[data-column="action"]').click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();
  const before = (await detail.boundingBox())!;
  const handle = (await detail.getByRole('separator').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
  await page.mouse.down();
  await page.mouse.move(handle.x - 150, handle.y + 200, { steps: 5 });
  await page.mouse.up();
  const after = (await detail.boundingBox())!;
  expect(after.width - before.width).toBeGreaterThan(140);
  expect(after.x + after.width).toBeLessThanOrEqual(1280);
  await page.context().close();
});

/** The top bar's rows (a control starting below the bottom of the one before starts one). */
function barRows(page: Page): Promise<{ rows: number; height: number }> {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-part="viewer-bar"]')!;
    const boxes = [...bar.children]
      .map((child) => child.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .sort((a, b) => a.top - b.top);
    let rows = 0;
    let bottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= bottom) rows += 1;
      bottom = Math.max(bottom, box.bottom);
    }
    return { rows, height: bar.getBoundingClientRect().height };
  });
}

/**
 * What the table's right edge cuts in the rows on screen: a cell that starts inside the
 * table's box but ends past it, or an integrity mark or severity badge not wholly inside.
 */
function cutAtRightEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.querySelector('[data-part="table"] [data-part="viewport"]')!;
    const right =
      viewport.getBoundingClientRect().left + viewport.clientLeft + viewport.clientWidth;
    const cut: string[] = [];
    const rows = document.querySelectorAll(
      '[data-part="header-row"], [data-part="body"] [role="row"]',
    );
    for (const row of rows) {
      for (const cell of row.children) {
        const box = cell.getBoundingClientRect();
        if (box.left < right - 0.5 && box.right > right + 0.5)
          cut.push(
            `${cell.getAttribute('data-column')} ${Math.round(box.left)}–${Math.round(box.right)}`,
          );
      }
      for (const mark of row.querySelectorAll(
        '[data-part="integrity-mark"], [data-part="severity-badge"]',
      )) {
        if (mark.getBoundingClientRect().right > right + 0.5) cut.push(mark.textContent ?? '');
      }
    }
    return cut;
  });
}

test('at 390×844 the bar takes two rows, the rows start high, and the first screen ends at a column edge', async () => {
  const { page } = await signedIn(390, 844);
  // The lazy controls are in: the time range, export and Display buttons.
  const displayButton = page.getByRole('button', { name: 'Display' });
  await displayButton.waitFor();
  await page.getByRole('button', { name: 'All time' }).waitFor();
  await page.getByRole('button', { name: 'Export', exact: true }).waitFor();
  const layout = await measure(page);
  const bar = await barRows(page);
  console.info('viewer layout at 390×844', layout, bar);
  expect(bar.rows).toBeLessThanOrEqual(2);
  // Two rows of controls and the bar's padding: 91 px here, 4 rows and 171 px before.
  expect(bar.height).toBeLessThanOrEqual(96);
  // Under the bar, the pager's line and the table's header: 165 px here, 246 px before.
  expect(layout.firstRowTop - layout.viewerTop).toBeLessThanOrEqual(180);
  expect(layout.rowsVisible).toBeGreaterThanOrEqual(15);
  expect(layout.pageScrolls).toBe(false);
  expect(layout.overflowX).toBeLessThanOrEqual(0);
  const filters = page.locator('[data-part="sidebar-toggle"]');
  expect(await filters.getAttribute('aria-expanded')).toBe('false');
  expect(await page.locator('[data-part="viewer-sidebar"]').count()).toBe(0);

  // Time, severity and the integrity mark are whole; the mark is its glyph alone, still named.
  expect(await cutAtRightEdge(page)).toEqual([]);
  const firstRow = bodyRows(page).first();
  const mark = firstRow.getByRole('img', { name: /verified/i });
  expect((await mark.boundingBox())!.width).toBeLessThanOrEqual(24);
  for (const column of ['time', 'severity']) {
    const cell = (await firstRow.locator(`[data-column="${column}"]`).boundingBox())!;
    expect(cell.x + cell.width, column).toBeLessThanOrEqual(390);
  }
  // The other columns are a sideways scroll of the table away, starting at a column's edge.
  const viewport = page.locator('[data-part="table"] [data-part="viewport"]');
  expect(await viewport.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(
    true,
  );
  await viewport.evaluate((element) => (element.scrollLeft = element.scrollWidth));
  expect(await firstRow.locator('[data-column="description"]').isVisible()).toBe(true);
  await viewport.evaluate((element) => (element.scrollLeft = 0));
  await saveScreenshot(page, 'viewer-390', { fullPage: false });

  // Export: the formats are in the button's own menu.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const formats = page.getByRole('menu', { name: 'Format' });
  expect(await formats.getByRole('menuitem').allTextContents()).toEqual(['CSV', 'JSON']);
  await page.keyboard.press('Escape');
  await formats.waitFor({ state: 'hidden' });

  // Display holds the volume strip, compact rows and the columns, all by keyboard.
  await displayButton.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Display' });
  await panel.waitFor();
  await saveScreenshot(page, 'viewer-390-display', { fullPage: false });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Volume');
  await page.keyboard.press('Enter');
  await page.locator('[data-part="viewer-volume"]').waitFor();
  const compact = panel.getByRole('button', { name: 'Compact rows' });
  expect(await compact.getAttribute('aria-pressed')).toBe('true');
  await compact.press('Enter');
  expect(await page.locator('[data-part="table"]').getAttribute('data-density')).toBe(
    'comfortable',
  );
  await compact.press('Enter');
  const columns = panel.getByRole('list', { name: 'Columns' });
  await columns.getByRole('checkbox', { name: 'Description' }).uncheck();
  expect(await page.locator('[data-part="column-header"][data-column="description"]').count()).toBe(
    0,
  );
  await columns.getByRole('checkbox', { name: 'Description' }).check();
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Display');
  // The bar itself has no Volume button on a phone: the panel's is the one.
  expect(await page.getByRole('button', { name: 'Volume' }).count()).toBe(0);

  // A row opens as a full-screen sheet.
  await bodyRows(page).first().click();
  const detail = page.getByRole('complementary', { name: 'Event detail' });
  await detail.waitFor();
  expect(await detail.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await page.context().close();
});

test('nothing overflows the window sideways at 390, 1024, 1280 and 1920 px', async () => {
  const { page } = await signedIn(1280, 800);
  const widths: Record<number, number> = {};
  for (const width of [390, 1024, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(100);
    widths[width] = (await measure(page)).overflowX;
  }
  console.info('horizontal overflow by width', widths);
  expect(Object.values(widths).every((overflow) => overflow <= 0)).toBe(true);
  await page.context().close();
});

test('the viewer in both themes at 1280 and 390 px: axe-clean, and saved as the README screenshots', async () => {
  const { page } = await signedIn(1280, 800);
  await page.locator('[data-part="viewer-volume"] svg').first().waitFor();
  await bodyRows(page).nth(1).locator('[data-column="action"]').click();
  // The detail's content arrives through import(): shown, not its loading line.
  const panel = page.getByRole('complementary', { name: 'Event detail' });
  await panel.locator('[data-part="field"]').first().waitFor();
  await panel.getByText('Verified', { exact: false }).first().waitFor();
  const shots: Record<string, { width: number; height: number; detail: boolean }> = {
    viewer: { width: 1280, height: 800, detail: true },
    'viewer-phone': { width: 390, height: 844, detail: false },
  };
  for (const [name, { width, height, detail }] of Object.entries(shots)) {
    await page.setViewportSize({ width, height });
    if (!detail && (await page.getByRole('complementary', { name: 'Event detail' }).count())) {
      await page.keyboard.press('Escape');
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // Controls fade between colours; axe reads them once they have settled.
      await page.waitForFunction(() =>
        document.getAnimations().every((animation) => animation.playState !== 'running'),
      );
      await saveScreenshot(page, scheme === 'light' ? name : `${name}-dark`, { fullPage: false });
      expect(await axeViolations(page), `${name} ${scheme}`).toEqual([]);
    }
  }
  await page.context().close();
});
