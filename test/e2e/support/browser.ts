import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../support/chromium.js';

export const launchChromium = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions());

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
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}
