// `npm run build-storybook` must work on a fresh machine: a static Storybook holding every story.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'audit-log-sdk-storybook-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the static Storybook', () => {
  it('builds with every story file and every story in its index', async () => {
    await run(join(root, 'node_modules/.bin/storybook'), ['build', '-o', out, '--quiet'], {
      cwd: root,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {
      entries: Record<string, { type: string; importPath: string; name: string }>;
    };
    const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    const files = readdirSync(join(root, 'stories')).filter((name) =>
      name.endsWith('.stories.tsx'),
    );
    expect(new Set(stories.map((story) => story.importPath))).toEqual(
      new Set(files.map((name) => `./stories/${name}`)),
    );
    const exported = files.flatMap((name) => [
      ...readFileSync(join(root, 'stories', name), 'utf8').matchAll(/^export const \w+/gm),
    ]);
    expect(stories).toHaveLength(exported.length);
    expect(readdirSync(out)).toContain('iframe.html');
  }, 180_000);
});
