import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const entry = (path: string) => resolve(import.meta.dirname, path);

export default defineConfig({
  resolve: {
    // Tests (and the README's examples) import the package by its public names.
    alias: [
      { find: /^audit-log-sdk$/, replacement: entry('src/client/index.ts') },
      { find: /^audit-log-sdk\/testing$/, replacement: entry('src/server/index.ts') },
      { find: /^audit-log-sdk\/react$/, replacement: entry('src/hooks/index.ts') },
      { find: /^audit-log-sdk\/components$/, replacement: entry('src/components/index.ts') },
      { find: /^audit-log-sdk\/styles\.css$/, replacement: entry('src/components/styles.css') },
    ],
  },
  build: {
    lib: {
      entry: {
        client: entry('src/client/index.ts'),
        react: entry('src/hooks/index.ts'),
        components: entry('src/components/index.ts'),
        testing: entry('src/server/index.ts'),
      },
      formats: ['es'],
    },
    sourcemap: true,
    rollupOptions: {
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
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores here; forks keep native modules (better-sqlite3) isolated per worker.
    pool: 'forks',
    maxWorkers: 2,
  },
});
