// Verifying a 50-row page in headless Chromium: `npm run bench:verify`
// (CHROMIUM_PATH, default /usr/bin/chromium). Figures go to BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { assertChromium, chromiumLaunchOptions } from '../test/support/chromium.js';
import { percentile } from './support.js';

assertChromium();
const root = resolve(import.meta.dirname, 'verify-page');
const outDir = mkdtempSync(join(tmpdir(), 'verify-bench-'));
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' } });
const server = await preview({
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1' },
});
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  await page.goto(server.resolvedUrls!.local[0]!);
  const handle = await page.waitForFunction(() => window.benchVerify, undefined, {
    timeout: 120_000,
  });
  const result = (await handle.jsonValue()) as {
    samples: number[];
    withGaps: number[];
    verified: number;
    treeSize: number;
  };
  // The first pages also pay for warming up (key import, compilation): reported apart.
  const steady = result.samples.slice(5);
  console.log(
    `Chromium ${browser.version()}: verify a 50-row page of a ${result.treeSize}-event log: first ${result.samples[0]!.toFixed(1)} ms, then p50 ${percentile(steady, 50).toFixed(1)} ms, p95 ${percentile(steady, 95).toFixed(1)} ms (${result.verified} of ${result.samples.length * 50} rows verified)`,
  );
  const gaps = result.withGaps.slice(5);
  console.log(
    `with the gap check (a page of consecutive places): p50 ${percentile(gaps, 50).toFixed(1)} ms, p95 ${percentile(gaps, 95).toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  server.httpServer.close();
  rmSync(outDir, { recursive: true, force: true });
}
