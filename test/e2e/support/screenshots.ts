import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the run leaves its screenshots; `test-results/` is not committed. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-results/e2e');

/**
 * Saves the page as `test-results/e2e/<name>.png` and answers the path: the whole page by
 * default, the window only with `fullPage: false` (for pages of unbounded height).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/**
 * Saves `<name>-<width>-<light|dark>.png` at a desktop and a phone width in both colour
 * schemes, for looking at a UI change as people will see it; restores the page afterwards.
 */
export async function saveScreenshotVariants(page: Page, name: string): Promise<string[]> {
  const viewport = page.viewportSize();
  const paths: string[] = [];
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      paths.push(await saveScreenshot(page, `${name}-${width}-${colorScheme}`));
    }
  }
  await page.emulateMedia({ colorScheme: null });
  if (viewport) await page.setViewportSize(viewport);
  return paths;
}
