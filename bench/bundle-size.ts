// Minified + gzipped size of each package entry as an app would ship it: dependencies
// bundled in, the peers an app already has left out, and each layer measured on top of the
// one below it. `npm run bench:size`; the budgets are checked in npm test (test/package).
import { resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Rollup } from 'vite';
import { productionBuild } from './production-build.js';
import { measureSearchLanguage, SEARCH_BUDGET_KB } from './search-size.js';

export interface EntrySize {
  entry: string;
  /** What loads with the entry: its chunk and every chunk it imports statically. */
  bytes: number;
  gzip: number;
  /** Chunks loaded on first use (`import()`), min+gzip; not part of the budget. */
  lazyGzip: number;
  budget: number;
}

const gzipSize = (code: string) => gzipSync(code, { level: 9 }).byteLength;

function staticClosure(chunks: Rollup.OutputChunk[]): Set<Rollup.OutputChunk> {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set<Rollup.OutputChunk>();
  const pending = chunks.filter((chunk) => chunk.isEntry);
  while (pending.length > 0) {
    const chunk = pending.pop()!;
    if (loaded.has(chunk)) continue;
    loaded.add(chunk);
    for (const name of chunk.imports) {
      const imported = byName.get(name);
      if (imported) pending.push(imported);
    }
  }
  return loaded;
}

const root = resolve(import.meta.dirname, '..');
const PEERS = [/^react(\/.*)?$/, /^react-dom(\/.*)?$/, /^@tanstack\/react-query$/, /^zod(\/.*)?$/];
const layer = (name: string) => `${resolve(root, 'src', name)}${sep}`;
/** One source module, whatever extension its importer names it by. */
const module = (name: string) => `${resolve(root, 'src', name)}.`;

/**
 * Budgets in kB min+gzip. Hooks hold the package issue's 6 kB. Components held its 45 kB
 * until the entry gained the view controller, the log-explorer layout, the styled controls,
 * the query bar, facets, integrity parts, Verify a file and the access log; it is built one
 * file per module, so an app ships only the parts it imports, and what an app embedding the
 * viewer ships first is held by test/package/consumer-bundle.test.ts. Its budget here is the
 * whole entry's measured 63.43 kB plus a little: display names, pivots, the resource history
 * and the export's manifest link grew it from 59.5 kB, and every export of the entry counts
 * here, lazy wrappers included, so moving parts behind import() cannot lower it. The
 * client's target is 12 kB. `client-app`, what an app that imports only AuditLogClient loads
 * before its first call of an endpoint other than reading events, checks what it reads with
 * validators generated from the schemas and loads no zod first (zod, a peer, is left out of
 * every row here anyway); the whole entry, which exports the zod schemas and `safeParse` as
 * well as holding those validators, grew by them. Both are held at their measured size plus
 * a little (BENCHMARKS.md has the breakdown). The durable queue is an entry of its own
 * (`audit-log-sdk/queue`), measured on top of the client. The charts entry is mostly
 * recharts; its budget too, like the queue's, is the measured size plus a little.
 */
export const BUDGETS_KB = {
  client: 25.2,
  'client-app': 18.8,
  queue: 5.5,
  hooks: 6,
  components: 64.2,
  charts: 140,
} as const;
export const CLIENT_TARGET_KB = 12;

interface EntrySpec {
  file: string;
  /** Source folders already paid for by the layer below. */
  below: string[];
  /** Dependencies the budget leaves out besides the peers. */
  excluded: RegExp[];
}

const ENTRIES: Record<keyof typeof BUDGETS_KB, EntrySpec> = {
  // The queue and the search language are entries of their own: nothing is left out here.
  // The search language's cost on top of the client is search-size.ts's.
  client: { file: 'src/client/index.ts', below: [], excluded: [] },
  // What an app that imports only AuditLogClient loads first; the endpoints other than
  // reading events come behind import() (src/client/on-first-call.ts).
  'client-app': { file: 'bench/client-app.ts', below: [], excluded: [] },
  // The durable queue and idb, on top of the client parts it shares with AuditLogClient.
  queue: {
    file: 'src/client/queue/index.ts',
    below: [
      layer('contract'),
      layer('client/auth'),
      layer('client/errors'),
      layer('client/http'),
      module('client/inputs'),
    ],
    excluded: [],
  },
  hooks: {
    file: 'src/hooks/index.ts',
    below: [layer('contract'), layer('client')],
    excluded: [],
  },
  // Nothing excluded: were recharts to come back into the entry, the budget would catch it.
  components: {
    file: 'src/components/index.ts',
    below: [layer('contract'), layer('client'), layer('hooks')],
    excluded: [],
  },
  charts: {
    file: 'src/components/charts/index.ts',
    below: [layer('contract'), layer('client'), layer('hooks'), layer('components/ui')],
    excluded: [],
  },
};

async function measure(name: keyof typeof BUDGETS_KB): Promise<EntrySize> {
  const spec = ENTRIES[name];
  const external = (id: string, importer: string | undefined) => {
    if ([...PEERS, ...spec.excluded].some((pattern) => pattern.test(id))) return true;
    if (!importer || !id.startsWith('.')) return false;
    const target = resolve(importer, '..', id);
    return spec.below.some((folder) => target.startsWith(folder));
  };
  const chunks = await productionBuild({
    root,
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(root, spec.file), formats: ['es'], fileName: name },
      rollupOptions: {
        external,
        onwarn: (warning, warn) => {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  const loaded = staticClosure(chunks);
  const code = [...loaded].map((chunk) => chunk.code).join('\n');
  const lazy = chunks.filter((chunk) => !loaded.has(chunk));
  return {
    entry: name,
    bytes: Buffer.byteLength(code),
    gzip: gzipSize(code),
    lazyGzip: lazy.reduce((sum, chunk) => sum + gzipSize(chunk.code), 0),
    budget: BUDGETS_KB[name] * 1000,
  };
}

export async function measureEntries(): Promise<EntrySize[]> {
  const sizes: EntrySize[] = [];
  for (const name of Object.keys(ENTRIES) as (keyof typeof BUDGETS_KB)[]) {
    sizes.push(await measure(name));
  }
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of await measureEntries()) {
    console.log(
      `${size.entry}: ${(size.bytes / 1000).toFixed(1)} kB min, ${(size.gzip / 1000).toFixed(2)} kB min+gzip (budget ${size.budget / 1000} kB); ${(size.lazyGzip / 1000).toFixed(2)} kB more on first use`,
    );
  }
  const search = await measureSearchLanguage();
  console.log(
    `search language: ${((search.withSearchGzip - search.clientOnlyGzip) / 1000).toFixed(2)} kB min+gzip on top of an app using AuditLogClient (budget ${SEARCH_BUDGET_KB} kB; app ${(search.clientOnlyGzip / 1000).toFixed(2)} kB), none of it when not imported: ${!search.clientOnlyHasSearch}`,
  );
}
