// @vitest-environment jsdom
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../src/server/seed.js';
import { MemoryStore } from '../src/server/store/memory-store.js';
import { startHttpServer, type RunningServer } from './support/http-server.js';

// The README's React example, run as written in a DOM against the seeded API over HTTP; only
// the demo address is swapped for this server's.
// jsdom gives import.meta.url an http: scheme, so paths start from the repository root (cwd).
const readme = readFileSync(resolve('README.md'), 'utf8');
const blocks = [...readme.matchAll(/```tsx\n([\s\S]*?)```/g)].map((match) => match[1]!);
const dir = resolve('test/.readme-snippets-react');
let server: RunningServer;

beforeAll(async () => {
  const store = new MemoryStore();
  await seedDemoData(store, { eventsPerTenant: 300, passwordIterations: 1000 });
  server = await startHttpServer('memory', { store });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('README React example', () => {
  it('renders the tenant’s critical and error events with a count', async () => {
    expect(blocks).toHaveLength(1);
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, 'hooks-example.tsx');
    writeFileSync(file, blocks[0]!.replaceAll('http://127.0.0.1:8000', server.baseUrl));
    document.body.innerHTML = '<div id="root"></div>';
    await import(/* @vite-ignore */ pathToFileURL(file).href);
    const heading = await screen.findByRole(
      'heading',
      { name: /\d+ critical and error events/ },
      { timeout: 5000 },
    );
    expect(heading).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBe(10));
    for (const item of screen.getAllByRole('listitem'))
      expect(item.textContent).toMatch(/critical|error/);
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true);
  });
});
