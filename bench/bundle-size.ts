// Minified + gzipped size of each package entry as an app would ship it, dependencies
// included except the peers an app already has (React, React Query). `npm run bench:size`
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';

interface EntrySize {
  entry: string;
  bytes: number;
  gzip: number;
}

const root = resolve(import.meta.dirname, '..');

export async function measureEntry(
  name: string,
  file: string,
  external: string[] = [],
): Promise<EntrySize> {
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(root, file), formats: ['es'], fileName: name },
      rollupOptions: { external },
    },
  })) as Rollup.RollupOutput[];
  const code = output
    .flatMap((result) => result.output)
    .filter((chunk): chunk is Rollup.OutputChunk => chunk.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('\n');
  return {
    entry: name,
    bytes: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).byteLength,
  };
}

export const BUDGETS_KB: Record<string, number> = { client: 12 };

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = [await measureEntry('client', 'src/client/index.ts')];
  for (const size of sizes) {
    const budget = BUDGETS_KB[size.entry];
    console.log(
      `${size.entry}: ${(size.bytes / 1000).toFixed(1)} kB min, ${(size.gzip / 1000).toFixed(2)} kB min+gzip` +
        (budget ? ` (budget ${budget} kB)` : ''),
    );
  }
}
