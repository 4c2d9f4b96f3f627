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
