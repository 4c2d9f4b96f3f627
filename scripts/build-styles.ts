// Writes dist/styles.css: src/components/styles.css with its local @imports inlined in order,
// so the package ships one stylesheet and every sheet is named in one place.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const IMPORT = /^@import\s+'(\.[^']+)';\s*$/gm;

export function inlineImports(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) throw new Error(`${file} imports itself`);
  seen.add(file);
  return readFileSync(file, 'utf8').replace(IMPORT, (_line, path: string) =>
    inlineImports(resolve(dirname(file), path), seen),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entry = resolve(import.meta.dirname, '../src/components/styles.css');
  const css = inlineImports(entry);
  if (/@import/.test(css.replace(/\/\*[\s\S]*?\*\//g, ''))) {
    throw new Error('dist/styles.css would keep an @import the build could not inline');
  }
  mkdirSync(resolve(import.meta.dirname, '../dist'), { recursive: true });
  writeFileSync(resolve(import.meta.dirname, '../dist/styles.css'), css);
  console.log(`dist/styles.css: ${(css.length / 1000).toFixed(1)} kB`);
}
