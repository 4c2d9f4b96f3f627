import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const entry = (path: string) => resolve(import.meta.dirname, path);

export default defineConfig({
  build: {
    lib: {
      entry: {
        client: entry('src/client/index.ts'),
        testing: entry('src/server/index.ts'),
      },
      formats: ['es'],
    },
    sourcemap: true,
    rollupOptions: {
      // Peers and runtime dependencies stay imports, so apps dedupe them.
      external: [/^zod(\/.*)?$/, /^ky$/, /^hono(\/.*)?$/, /^jose$/, /^papaparse$/],
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores here; forks keep native modules (better-sqlite3) isolated per worker.
    pool: 'forks',
    maxWorkers: 2,
  },
});
