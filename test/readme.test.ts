import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoData } from '../src/server/seed.js';
import { MemoryStore } from '../src/server/store/memory-store.js';
import { startHttpServer, type RunningServer } from './support/http-server.js';

// The README promises its TypeScript examples run as written: each ```ts block is written
// to a module and imported, with the package names resolved to the sources.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const dir = new URL('./.readme-snippets/', import.meta.url);

let server: RunningServer;

// The examples talk to the demo server; here that is the same API over real HTTP, seeded the
// same way, at the address the examples read from AUDIT_API_URL.
beforeAll(async () => {
  const store = new MemoryStore();
  await seedDemoData(store, { eventsPerTenant: 300, passwordIterations: 1000 });
  server = await startHttpServer('memory', { store });
  process.env.AUDIT_API_URL = server.baseUrl;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.AUDIT_API_URL;
  await server.close();
});

describe('README examples', () => {
  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((code, index) => [index + 1, code] as const))(
    'example %i runs and prints what it shows',
    async (index, code) => {
      mkdirSync(dir, { recursive: true });
      const file = new URL(`snippet-${index}.ts`, dir);
      writeFileSync(file, `${code}\nexport {};\n`);
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        await import(/* @vite-ignore */ file.href);
        // Each example ends by printing something; nothing printed means it did not reach the end.
        expect(log).toHaveBeenCalled();
        for (const call of log.mock.calls) expect(call.join(' ')).not.toMatch(/undefined|NaN/);
      } finally {
        log.mockRestore();
      }
    },
  );
});
