import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { chromiumLaunchOptions } from '../../support/chromium.js';
import { findSecrets } from '../../support/secret-scan.js';

// Everything a page prints, throws or downloads is scanned after each test: no password,
// token or API key may reach the console, an error or an exported file.
let captured: Promise<string>[] = [];
afterEach(async () => {
  const texts = await Promise.all(captured);
  captured = [];
  expect(texts.flatMap(findSecrets), 'secrets in console output, errors or downloads').toEqual([]);
});

export const launchChromium = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions());

/**
 * Makes the page a browser without the File System Access API (Firefox, Safari), whose
 * exports arrive as downloads. Headless Chromium has `showSaveFilePicker` but no dialog to
 * show; the path to a picked file is tested in export-to-disk.test.ts.
 */
export async function withoutSaveFilePicker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

export interface FreshPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors the page reported, for tests to assert empty. */
  pageErrors: string[];
}

/** A new context (empty storage, no cookies) and one page in it, at a desktop size. */
export async function freshPage(
  browser: Browser,
  options: { acceptDownloads?: boolean } = {},
): Promise<FreshPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
    captured.push(Promise.resolve(`${error.message}\n${error.stack ?? ''}`));
  });
  page.on('console', (message) => captured.push(Promise.resolve(message.text())));
  page.on('download', (download) =>
    captured.push(download.path().then((path) => readFile(path, 'utf8'))),
  );
  return { context, page, pageErrors };
}
