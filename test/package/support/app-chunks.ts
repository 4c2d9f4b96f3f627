// What a built app loads first and what it loads on demand, from the `chunks.json` that
// test/package/consumer-app/vite.config.ts writes beside the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AppChunk {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  modules: string[];
  /** Minified and gzipped (level 9), as the file travels. */
  gzip: number;
}

export interface AppChunks {
  /** The entry and every chunk it imports statically: what the page loads before it runs. */
  initial: AppChunk[];
  /** Chunks reached only through `import()`. */
  lazy: AppChunk[];
}

export const sumGzip = (chunks: readonly AppChunk[]) =>
  chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);

export function readAppChunks(dist: string): AppChunks {
  const listed = JSON.parse(readFileSync(join(dist, 'chunks.json'), 'utf8')) as Omit<
    AppChunk,
    'gzip'
  >[];
  const chunks = listed.map((chunk) => ({
    ...chunk,
    gzip: gzipSync(readFileSync(join(dist, chunk.fileName)), { level: 9 }).byteLength,
  }));
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set<AppChunk>();
  const pending = chunks.filter((chunk) => chunk.isEntry);
  while (pending.length > 0) {
    const chunk = pending.pop()!;
    if (initial.has(chunk)) continue;
    initial.add(chunk);
    for (const name of chunk.imports) pending.push(byName.get(name)!);
  }
  return { initial: [...initial], lazy: chunks.filter((chunk) => !initial.has(chunk)) };
}

const fromPackages = (packages: readonly string[]) => {
  const marks = packages.map((name) => `/node_modules/${name}/`);
  return (id: string) => marks.some((mark) => id.includes(mark));
};

/** Chunks holding a module from one of `packages` (installed under node_modules). */
export function chunksWith(chunks: readonly AppChunk[], packages: readonly string[]): AppChunk[] {
  const matches = fromPackages(packages);
  return chunks.filter((chunk) => chunk.modules.some(matches));
}

/** The modules of `packages` in `chunks`, as paths from node_modules on. */
export function modulesOf(chunks: readonly AppChunk[], packages: readonly string[]): string[] {
  const matches = fromPackages(packages);
  return chunks.flatMap((chunk) =>
    chunk.modules.filter(matches).map((id) => id.slice(id.lastIndexOf('/node_modules/') + 1)),
  );
}
