import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AuditLogClient } from '../../src/client/index.js';
import { LoginForm } from '../../src/components/index.js';
import { AuditLogProvider } from '../../src/hooks/index.js';
import { launchChromium } from './support/browser.js';

const PASSWORD = 'never-in-a-url-0123';

// The form as a server-rendering host sends it, before any script has run.
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>${renderToString(
  createElement(
    AuditLogProvider,
    { client: new AuditLogClient({ baseUrl: 'http://127.0.0.1:1' }) },
    createElement(LoginForm, { tenants: ['acme', 'globex'] }),
  ),
)}</body></html>`;

let browser: Browser;
let server: Server;
let origin: string;
const requests: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', body });
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('a server-rendered LoginForm submitted before hydration never puts the password in a URL', async () => {
  // No scripts at all: the page stays as the server rendered it, as before hydration.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin}/sign-in`);
  const form = page.locator('[data-part="login-form"]');

  await form.getByLabel('Username').fill('writer');
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByLabel('Password').press('Enter');
  await form.getByRole('button', { name: 'Sign in' }).click({ force: true });
  await page.waitForTimeout(300);

  expect(page.url()).not.toContain(PASSWORD);
  expect(await form.getAttribute('method')).toBe('post');
  expect(requests.filter((r) => r.url.includes(PASSWORD))).toEqual([]);
  // Not sent anywhere: the only request is the page itself.
  expect(
    requests.filter((r) => r.url !== '/favicon.ico').map((r) => `${r.method} ${r.url}`),
  ).toEqual(['GET /sign-in']);
  await context.close();
});
