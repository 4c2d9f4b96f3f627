import { readFileSync } from 'node:fs';
import { parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

// The entries a browser app imports; none may reach the host's server code, which handles
// the `embed` API key.
const BROWSER_ENTRIES = [
  'src/client/index.ts',
  'src/client/verification/index.ts',
  'src/hooks/index.ts',
  'src/components/index.ts',
  'src/components/charts/index.ts',
];

describe('audit-log-sdk/server', () => {
  it('is imported by no browser entry, directly or through any module', async () => {
    const tree = await parseDependencyTree(BROWSER_ENTRIES, {
      context: process.cwd(),
      extensions: ['.ts', '.tsx'],
      transform: false,
      skipDynamicImports: false,
    });
    const reached = Object.keys(tree);
    expect(reached.some((file) => file.startsWith('src/client/'))).toBe(true);
    expect(reached.filter((file) => file.startsWith('src/host/'))).toEqual([]);
  }, 60_000);

  it('resolves only under the node condition, so browser bundlers refuse it', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      exports: Record<string, Record<string, string>>;
    };
    expect(Object.keys(manifest.exports['./server']!).sort()).toEqual(['node', 'types']);
  });
});
