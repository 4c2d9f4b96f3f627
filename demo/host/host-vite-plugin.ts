import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { createHostBackend, type HostBackendOptions } from './host-backend.js';

/**
 * Mounts the host's backend in front of the host page, in `vite` (the demo) and
 * `vite preview` (the browser tests) alike, so both run the same backend code.
 */
export function hostBackendPlugin(options: HostBackendOptions): Plugin {
  const handle = createHostBackend(options);
  const listener = getRequestListener(
    async (request) => (await handle(request)) ?? new Response(null, { status: 404 }),
  );
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (!req.url?.startsWith('/host/')) return next();
    void listener(req, res);
  };
  return {
    name: 'audit-demo-host-backend',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}
