import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';

/** The pages the browser tests serve, each built once per run. */
export const PAGE_ROOTS = {
  demo: resolve(import.meta.dirname, '../../../demo/app'),
  host: resolve(import.meta.dirname, '../../../demo/host'),
  queue: resolve(import.meta.dirname, '../queue-page'),
  export: resolve(import.meta.dirname, '../export-page'),
  investigate: resolve(import.meta.dirname, '../investigate-page'),
} as const;
export type PageName = keyof typeof PAGE_ROOTS;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each page's production build lies for this run. */
    builtPages: Record<PageName, string>;
  }
}

/**
 * Builds the demo app and the test pages once for the whole e2e project: a production build
 * served by `vite preview` starts in milliseconds in every file, where a dev server would
 * transform the app again for each of them.
 */
export default async function buildPages(project: TestProject): Promise<() => void> {
  const base = mkdtempSync(join(tmpdir(), 'audit-e2e-pages-'));
  const built = {} as Record<PageName, string>;
  for (const [name, root] of Object.entries(PAGE_ROOTS) as [PageName, string][]) {
    const outDir = join(base, name);
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        // Source maps keep a failing test's stack readable.
        sourcemap: true,
        // One page, loaded from loopback: chunk size matters to bench/bundle-size.ts, not here.
        chunkSizeWarningLimit: 4096,
        rollupOptions: {
          onwarn: (warning, warn) => {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    });
    built[name] = outDir;
  }
  project.provide('builtPages', built);
  return () => rmSync(base, { recursive: true, force: true });
}
