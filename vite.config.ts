import { resolve } from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './test/support/chromium.js';
import { packageAliases } from './vite.aliases.js';

const entry = (path: string) => resolve(import.meta.dirname, path);

export default defineConfig({
  // Tests, stories and the README's examples import the package by its public names.
  resolve: { alias: packageAliases },
  build: {
    lib: {
      entry: {
        client: entry('src/client/index.ts'),
        verify: entry('src/client/verification/index.ts'),
        queue: entry('src/client/queue/index.ts'),
        search: entry('src/client/search/index.ts'),
        react: entry('src/hooks/index.ts'),
        components: entry('src/components/index.ts'),
        charts: entry('src/components/charts/index.ts'),
        // Each locale in an entry of its own: an app ships only the language it imports.
        'locale-de': entry('src/components/ui/locales/de.ts'),
        testing: entry('src/server/index.ts'),
        // Node only: package.json offers it under the `node` condition alone.
        server: entry('src/host/index.ts'),
        cli: entry('src/cli/main.ts'),
      },
      formats: ['es'],
    },
    sourcemap: true,
    rollupOptions: {
      // One file per source module: an app's bundler then drops, and splits behind
      // `import()`, exactly the modules it does, instead of taking a whole shared chunk.
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // npm leaves `node_modules` folders out of a tarball; bundled dependencies go here.
        entryFileNames: (chunk) => `${chunk.name.replace(/^node_modules\//, 'vendor/')}.js`,
      },
      // Per-module 'use client' cannot survive bundling; the entry's own (hooks/index.ts) does.
      onwarn: (warning, warn) => {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      // Peers and runtime dependencies stay imports, so apps dedupe them.
      external: [
        /^zod(\/.*)?$/,
        /^ky$/,
        /^hono(\/.*)?$/,
        /^jose$/,
        /^canonicalize$/,
        /^@noble\/hashes(\/.*)?$/,
        /^node:/,
        /^papaparse$/,
        /^react(\/.*)?$/,
        /^react-dom(\/.*)?$/,
        /^@tanstack\/react-query$/,
        /^@tanstack\/react-table$/,
        /^@tanstack\/react-virtual$/,
        /^recharts(\/.*)?$/,
      ],
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // The projects run one after the other (unit, stories, browser), so the browser
          // projects never compete with forty jsdom and contract files for two cores.
          sequence: { groupOrder: 0 },
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/soak/**'],
          setupFiles: ['test/setup.ts'],
          // One throwaway PostgreSQL cluster for the run, for the contract suite's third store.
          globalSetup: ['test/support/postgres-global.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 60_000,
          // Two cores here; forks keep native modules (better-sqlite3) isolated per worker.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        // Latency under attack, measured last and alone: nothing else in the run may share
        // the two cores while another tenant's p95 is timed.
        extends: true,
        test: {
          name: 'soak',
          sequence: { groupOrder: 3 },
          include: ['test/soak/**/*.test.ts'],
          setupFiles: ['test/setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      {
        // The demo app and test pages driven in Debian Chromium through playwright-core.
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          // Chromium first, so a missing browser fails before the pages are built.
          globalSetup: ['test/support/require-chromium.ts', 'test/e2e/support/build-pages.ts'],
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // One browser at a time: two cores, and each file starts its own servers.
          fileParallelism: false,
        },
      },
      {
        // Every story is a test in real Chromium: it renders, its play function passes and
        // axe finds nothing (`a11y.test: 'error'` in .storybook/preview.tsx).
        extends: true,
        plugins: [storybookTest({ configDir: resolve(import.meta.dirname, '.storybook') })],
        test: {
          name: 'storybook',
          sequence: { groupOrder: 1 },
          globalSetup: ['test/support/require-chromium.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
