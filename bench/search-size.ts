// What the search language (`audit-log-sdk/search`) adds to an app that uses the client, and
// that an app which does not import it ships none of it: two small apps importing the entries'
// sources, built as an app's bundler would (production, minified, tree-shaken).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { productionBuild } from './production-build.js';

const root = resolve(import.meta.dirname, '..');
const PEERS = /^(zod|react|react-dom|@tanstack\/react-query)(\/.*)?$/;
/** What the search language may add to an app that uses the client, kB min+gzip. */
export const SEARCH_BUDGET_KB = 3;
/** A sentence only the search language's code holds. */
export const SEARCH_MARKER = 'This quote is never closed';

async function bundle(entry: string): Promise<string> {
  const chunks = await productionBuild({
    root,
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'out' },
      rollupOptions: { external: (id) => PEERS.test(id) },
    },
  });
  return chunks.map((chunk) => chunk.code).join('\n');
}

export interface SearchLanguageCost {
  /** min+gzip of an app that uses only `AuditLogClient`. */
  clientOnlyGzip: number;
  /** The same app also parsing and formatting searches. */
  withSearchGzip: number;
  /** Whether each app holds the search language's code. */
  clientOnlyHasSearch: boolean;
  withSearchHasSearch: boolean;
}

export async function measureSearchLanguage(): Promise<SearchLanguageCost> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-search-size-'));
  try {
    const client = JSON.stringify(resolve(root, 'src/client/index.ts'));
    const search = JSON.stringify(resolve(root, 'src/client/search/index.ts'));
    const app = (name: string, lines: string[]) => {
      const file = join(dir, `${name}.js`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return bundle(file);
    };
    const clientOnly = await app('client-only', [
      `import { AuditLogClient } from ${client};`,
      'console.log(AuditLogClient);',
    ]);
    const withSearch = await app('with-search', [
      `import { AuditLogClient } from ${client};`,
      `import { formatAuditSearch, parseAuditSearch, resolveAuditSearch } from ${search};`,
      'console.log(AuditLogClient, parseAuditSearch, formatAuditSearch, resolveAuditSearch);',
    ]);
    const gzip = (code: string) => gzipSync(code, { level: 9 }).byteLength;
    return {
      clientOnlyGzip: gzip(clientOnly),
      withSearchGzip: gzip(withSearch),
      clientOnlyHasSearch: clientOnly.includes(SEARCH_MARKER),
      withSearchHasSearch: withSearch.includes(SEARCH_MARKER),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
