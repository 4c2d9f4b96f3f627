// The package as users get it: built, packed, linted, installed into a fresh Vite app.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bin,
  buildAndPack,
  inChromium,
  installInto,
  publishEnv,
  root,
  run,
  version,
} from './support/packed.js';

const ENTRIES = [
  'client',
  'verify',
  'queue',
  'search',
  'react',
  'components',
  'charts',
  'locale-de',
  'testing',
  'server',
  'cli',
];

let work: string;
let tarball: string;
let files: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'audit-log-sdk-package-'));
  ({ tarball, files } = await buildAndPack(work));
}, 180_000);

// The installed apps hold thousands of files; on a disk shared with other work, removing
// them has taken over the default minute.
afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);

describe('the packed package', () => {
  it('holds ESM, types and source maps for every entry, the stylesheet, and nothing else', () => {
    for (const entry of ENTRIES) expect(files).toContain(`dist/${entry}.js`);
    for (const script of files.filter((path) => path.endsWith('.js'))) {
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(root, script), 'utf8'));
      // One file per source module: a map sits beside its script, in the script's folder.
      if (map) expect(files).toContain(posix.join(posix.dirname(script), map[1]!));
    }
    for (const layer of [
      'contract',
      'client',
      'client/queue',
      'client/search',
      'hooks',
      'components',
      'components/charts',
      'server',
      'host',
    ]) {
      expect(files).toContain(`dist/${layer}/index.d.ts`);
    }
    expect(files).toContain('dist/styles.css');
    // The `audit-log-sdk` command (`npx audit-log-sdk verify …`) starts dist/cli.js.
    expect(files).toContain('bin/audit-log-sdk.js');
    const stray = files.filter(
      (path) =>
        !path.startsWith('dist/') &&
        !['package.json', 'README.md', 'LICENSE', 'openapi.json', 'bin/audit-log-sdk.js'].includes(
          path,
        ),
    );
    expect(stray).toEqual([]);
  });

  it('is the production build that npm publish makes (production JSX runtime)', () => {
    const scripts = files.filter((path) => path.endsWith('.js'));
    const source = (path: string) => readFileSync(join(root, path), 'utf8');
    expect(
      scripts.filter((path) => source(path).includes('react/jsx-runtime')).length,
    ).toBeGreaterThan(0);
    expect(scripts.filter((path) => source(path).includes('jsx-dev-runtime'))).toEqual([]);
  });

  it('ships one stylesheet with every component sheet inlined, in the order styles.css names them', () => {
    const shipped = readFileSync(join(root, 'dist/styles.css'), 'utf8');
    const entry = join(root, 'src/components/styles.css');
    const sheets = [...readFileSync(entry, 'utf8').matchAll(/^@import '(.+)';$/gm)].map((m) =>
      readFileSync(resolve(entry, '..', m[1]!), 'utf8'),
    );
    expect(sheets.length).toBeGreaterThan(3);
    expect(shipped).not.toMatch(/^@import/m);
    const offsets = sheets.map((sheet) => shipped.indexOf(sheet));
    expect(offsets.every((offset) => offset >= 0)).toBe(true);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });

  it('declares only its CSS as having side effects', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      sideEffects: string[];
      peerDependencies: Record<string, string>;
    };
    expect(manifest.sideEffects).toEqual(['*.css']);
    expect(manifest.peerDependencies).toMatchObject({
      react: '^18.0.0 || ^19.0.0',
      'react-dom': '^18.0.0 || ^19.0.0',
      '@tanstack/react-query': '^5.0.0',
    });
  });

  it('passes publint with no message at any level', async () => {
    const { messages } = await publint({
      pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer },
      level: 'suggestion',
      strict: true,
    });
    expect(messages).toEqual([]);
  });

  it('has types that resolve for ESM in Node and in bundlers (are-the-types-wrong)', async () => {
    // The package ships no CommonJS, so node10 and require() resolution are out of scope
    // (attw's esm-only profile, whose exit code fails on anything else); CSS has no types.
    const { stdout } = await run(
      bin('attw'),
      [
        tarball,
        ...['--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'],
        ...['--exclude-entrypoints', './styles.css'],
      ],
      { cwd: work },
    );
    const { analysis } = JSON.parse(stdout) as {
      analysis: { problems: { resolutionKind?: string }[] };
    };
    const inScope = analysis.problems.filter(
      (problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''),
    );
    expect(inScope).toEqual([]);
  });

  // React 19 from this repository's lockfile (so npm finds it in its cache), and React 18,
  // the oldest the peer range allows.
  it.each([
    ['19', { react: version('react'), types: version('@types/react') }],
    ['18', { react: '18', types: '18' }],
  ])(
    'installs into a fresh Vite app on React %s that typechecks, builds and runs in Chromium',
    async (major, versions) => {
      const app = join(work, `app-react-${major}`);
      cpSync(join(root, 'test/package/scratch-app'), app, { recursive: true });
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }),
      );
      const packages = [
        `react@${versions.react}`,
        `react-dom@${versions.react}`,
        `@types/react@${versions.types}`,
        `@types/react-dom@${versions.types}`,
        ...['@tanstack/react-query', 'zod', 'vite'].map((name) => `${name}@${version(name)}`),
      ];
      await installInto(app, tarball, packages);
      await run(bin('tsc'), ['-p', app]);
      await run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
        cwd: app,
        env: publishEnv(),
      });
      const css = readdirSync(join(app, 'dist/assets')).find((name) => name.endsWith('.css'));
      expect(readFileSync(join(app, 'dist/assets', css!), 'utf8')).toContain('--audit-bg');

      await inChromium(app, async (page, url, failures) => {
        await page.goto(url);
        await page.getByLabel('Username').fill('viewer');
        await page.getByLabel('Password').fill('audit-demo');
        await page.getByLabel('Tenant').fill('acme');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText(/^Page 1 of \d+$/).waitFor();
        expect(await page.locator('[data-part="body"] [role="row"]').count()).toBeGreaterThan(5);
        expect(failures).toEqual([]);
      });
    },
    240_000,
  );
});
