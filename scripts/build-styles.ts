// Writes dist/styles.css: the shared tokens first, then each component's stylesheet.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../src/components/', import.meta.url).pathname;
const parts = [join(root, 'styles.css')];
for (const entry of readdirSync(root, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  for (const file of readdirSync(join(root, entry.name))) {
    if (file.endsWith('.css')) parts.push(join(root, entry.name, file));
  }
}
mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../dist/styles.css', import.meta.url),
  parts.map((p) => readFileSync(p, 'utf8')).join('\n'),
);
console.log(`dist/styles.css from ${parts.length} files`);
