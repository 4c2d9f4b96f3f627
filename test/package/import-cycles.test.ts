import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

describe('imports', () => {
  it('form no cycle in src, type-only imports included', async () => {
    const tree = await parseDependencyTree(['src/**/*.ts', 'src/**/*.tsx'], {
      context: process.cwd(),
      extensions: ['.ts', '.tsx'],
      transform: false,
      skipDynamicImports: false,
    });
    expect(parseCircular(tree)).toEqual([]);
  }, 60_000);
});
