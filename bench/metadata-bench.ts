// The event detail of an event with a 200,000-element metadata array, in headless Chromium:
// `npm run bench:metadata` (CHROMIUM_PATH, default /usr/bin/chromium).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { assertChromium, chromiumLaunchOptions } from '../test/support/chromium.js';
import { serveBuiltPage } from './page-server.js';

assertChromium();
const site = await serveBuiltPage(resolve(import.meta.dirname, 'metadata-page'), {
  target: 'es2022',
});
const base = site.base;
const browser = await chromium.launch(chromiumLaunchOptions());

interface Run {
  renderMs: number;
  paintMs: number;
  domNodes: number;
  moreMs: number;
  moreDomNodes: number;
}

async function measure(): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}?items=200000`);
  const open = await page.waitForFunction(() => window.benchOpen, undefined, { timeout: 120_000 });
  const first = (await open.jsonValue()) as Omit<Run, 'moreMs' | 'moreDomNodes'>;
  const more = await page.evaluate(() => window.benchMore!());
  await context.close();
  return { ...first, moreMs: more.ms, moreDomNodes: more.domNodes };
}

const runs: Run[] = [];
for (let round = 0; round < 5; round++) runs.push(await measure());
await browser.close();
site.close();

const median = (f: (run: Run) => number) => [...runs.map(f)].sort((a, b) => a - b)[2]!;
console.log(
  `Chromium ${browser.version()}, metadata with a 200,000-element array, median of 5 runs`,
);
console.log(
  `open the detail: render ${median((r) => r.renderMs).toFixed(1)} ms, first frame ${median((r) => r.paintMs).toFixed(1)} ms, ${median((r) => r.domNodes)} DOM nodes`,
);
console.log(
  `next page of 100 items: ${median((r) => r.moreMs).toFixed(1)} ms to the next frame, ${median((r) => r.moreDomNodes)} DOM nodes`,
);
