// Screenshots of built stories at 1280 and 390 px, light and dark, for looking at a UI change:
// `npx storybook build -o storybook-static && npx tsx scripts/story-screenshots.ts <story-id>…`
// Writes test-results/screenshots/<story-id>-<width>-<theme>.png.
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/support/chromium.js';

const root = resolve(process.env['STORYBOOK_DIR'] ?? 'storybook-static');
const out = resolve('test-results/screenshots');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

const server = createServer((request, response) => {
  const path = join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  if (!path.startsWith(root) || !existsSync(path)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(response);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const { port } = server.address() as AddressInfo;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const id of process.argv.slice(2)) {
    for (const width of [1280, 390]) {
      for (const theme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(
          `http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`,
        );
        await page.waitForSelector('#storybook-root > *');
        await page.waitForTimeout(300);
        const file = join(out, `${id}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
