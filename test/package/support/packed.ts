// The package exactly as `npm publish` makes it, and fresh apps that install it.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.js';

export const run = promisify(execFile);
export const root = resolve(import.meta.dirname, '../../..');
export const bin = (name: string) => join(root, 'node_modules/.bin', name);

/** The installed version of one of this repository's packages, so npm finds it in its cache. */
export const version = (name: string) =>
  (
    JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/**
 * `npm publish` runs `prepack` (`npm run build`) in the publisher's shell, where NODE_ENV is
 * unset; under a test runner it is `test`, which gives a development JSX build. The build
 * here runs without it, as a publish would.
 */
export function publishEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'),
    ),
  );
}

export interface Packed {
  tarball: string;
  files: string[];
}

const LOCK = join(root, 'node_modules/.cache/audit-log-sdk-build.lock');
const STALE_LOCK_MS = 15 * 60_000;

/**
 * Package test files run in parallel and all build into the one `dist/`: one build empties it
 * while another packs, and the tarball misses files. A directory made atomically lets one
 * build-and-pack run at a time; a lock left by a killed run is taken over once stale.
 */
async function holdingBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (since > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds as a publish would and packs the tarball into `destination`. */
export async function buildAndPack(destination: string): Promise<Packed> {
  const { stdout } = await holdingBuildLock(async () => {
    await run('npm', ['run', 'build'], { cwd: root, env: publishEnv() });
    return run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {
      cwd: root,
      env: publishEnv(),
    });
  });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return {
    tarball: join(destination, packed!.filename),
    files: packed!.files.map((file) => file.path),
  };
}

/** Installs the tarball and `packages` into the app at `dir` (which has a package.json). */
export async function installInto(dir: string, tarball: string, packages: string[]) {
  await run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      tarball,
      ...packages,
    ],
    { cwd: dir, env: publishEnv() },
  );
}

/**
 * Serves a built app with `vite preview` and opens it in Chromium; `visit` gets the page, its
 * address and the errors it reports (uncaught, or logged as errors). Closes both after.
 */
export async function inChromium(
  root: string,
  visit: (page: Page, url: string, failures: string[]) => Promise<void>,
): Promise<void> {
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'error',
    preview: { port: 0, host: '127.0.0.1' },
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(message.text());
    });
    await visit(page, server.resolvedUrls!.local[0]!, failures);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
