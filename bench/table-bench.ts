// AuditLogTable vs a plain (non-virtualized) TanStack table of the same 10,000 rows, in
// headless Chromium: `npm run bench:table` (CHROMIUM_PATH, default /usr/bin/chromium).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { assertChromium, chromiumLaunchOptions } from '../test/support/chromium.js';
import { serveBuiltPage } from './page-server.js';

assertChromium();
const launchOptions = chromiumLaunchOptions();

const site = await serveBuiltPage(resolve(import.meta.dirname, 'table-page'));
const base = site.base;

const browser = await chromium.launch(launchOptions);

interface Result {
  renderMs: number;
  paintMs: number;
  domRows: number;
  scroll: { p50: number; p95: number; frames: number; domRowsMax: number };
}

async function measure(mode: 'virtual' | 'plain'): Promise<Result> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}?mode=${mode}&rows=10000`);
  const first = await page.waitForFunction(() => window.benchFirstRender, undefined, {
    timeout: 60_000,
  });
  const firstRender = (await first.jsonValue()) as Omit<Result, 'scroll'>;
  const scroll = await page.evaluate(() => window.benchScroll!());
  await context.close();
  return { ...firstRender, scroll };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: Record<'virtual' | 'plain', Result[]> = { virtual: [], plain: [] };
for (let round = 0; round < 5; round++) {
  for (const mode of ['virtual', 'plain'] as const) runs[mode].push(await measure(mode));
}
await browser.close();
site.close();

console.log(`Chromium ${browser.version()}, 10,000 rows, median of 5 runs each (interleaved)`);
for (const mode of ['virtual', 'plain'] as const) {
  const r = runs[mode];
  console.log(
    `${mode === 'virtual' ? 'AuditLogTable (virtualized)' : 'plain TanStack table'}: first render ${median(r.map((x) => x.renderMs)).toFixed(1)} ms, first paint ${median(r.map((x) => x.paintMs)).toFixed(1)} ms, DOM rows ${median(r.map((x) => x.domRows))} (max while scrolling ${median(r.map((x) => x.scroll.domRowsMax))}), scroll frames p50 ${median(r.map((x) => x.scroll.p50)).toFixed(1)} ms / p95 ${median(r.map((x) => x.scroll.p95)).toFixed(1)} ms`,
  );
}
const ratio = (f: (x: Result) => number) =>
  (median(runs.plain.map(f)) / median(runs.virtual.map(f))).toFixed(1);
console.log(
  `plain / virtualized: first paint ${ratio((x) => x.paintMs)}×, scroll p95 ${ratio((x) => x.scroll.p95)}×`,
);
