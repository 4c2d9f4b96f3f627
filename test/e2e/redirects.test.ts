import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { freshPage, launchChromium } from './support/browser.js';
import { PAGE_ROOTS } from './support/build-pages.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

async function listen(
  handler: (
    seen: Seen,
    respond: (status: number, headers?: Record<string, string>) => void,
  ) => void,
) {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    const entry = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
    };
    seen.push(entry);
    request.resume();
    handler(entry, (status, headers = {}) => response.writeHead(status, headers).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let browser: Browser;
let app: PreviewServer;
let elsewhere: Awaited<ReturnType<typeof listen>>;
let api: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  // Another origin that would take anything, CORS included, so a followed redirect would land.
  elsewhere = await listen((_seen, respond) =>
    respond(200, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': '*',
      'Access-Control-Allow-Methods': '*',
      'Content-Type': 'application/json',
    }),
  );
  // The page's own API answers every request with a redirect to it.
  api = await listen((seen, respond) => respond(307, { Location: `${elsewhere.url}${seen.url}` }));
  app = await preview({
    root: PAGE_ROOTS.queue,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: inject('builtPages').queue },
    preview: { host: '127.0.0.1', port: 0, proxy: { '/api': api.url } },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await api?.close();
  await elsewhere?.close();
});

test('in Chromium, a redirect answer never takes the API key to another origin', async () => {
  const { context, page, pageErrors } = await freshPage(browser);
  const key = 'alk_browser-redirect-key-0123456789';
  await page.goto(`${app.resolvedUrls!.local[0]}?tenant=acme&key=${key}&batch=5`);
  await page.waitForFunction(() => window.queuePage !== undefined);
  await page.evaluate(() => window.queuePage!.enqueue('redirect', 0, 1));
  await expect
    .poll(() => page.evaluate(() => window.queuePage!.state().lastError?.name ?? null), {
      timeout: 15_000,
    })
    .not.toBeNull();

  expect(api.seen.some((s) => s.url.startsWith('/api/v1/audit/events/batch'))).toBe(true);
  expect(elsewhere.seen).toEqual([]);
  expect(await page.evaluate(() => window.queuePage!.state().lastError?.name)).toBe(
    'RedirectError',
  );
  expect(await page.evaluate(() => window.queuePage!.state().pending)).toBe(1);
  expect(pageErrors).toEqual([]);
  await context.close();
});
