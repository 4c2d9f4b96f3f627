// A bench page built for production by Vite and served on loopback, as an app ships it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build, preview } from 'vite';

/** Builds the Vite page in `root` and serves it; `close` stops the server and removes the build. */
export async function serveBuiltPage(root: string, options: { target?: string } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), `${basename(root)}-`));
  await build({
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      ...(options.target ? { target: options.target } : {}),
      rollupOptions: {
        onwarn: (warning, warn) => {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  return {
    base: server.resolvedUrls!.local[0]!,
    close: () => {
      server.httpServer.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
