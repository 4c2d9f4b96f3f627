// `npm run demo`: the seeded reference API (SQLite file) and the demo app, together.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { HOST_USERS } from './host/host-users.js';
import { hostBackendPlugin } from './host/host-vite-plugin.js';
import { provisionEmbedKeys } from './host/provision-embed-keys.js';

const API_PORT = Number(process.env.AUDIT_API_PORT ?? 8000);
const APP_PORT = Number(process.env.AUDIT_APP_PORT ?? 5173);
const HOST_PORT = Number(process.env.AUDIT_HOST_PORT ?? 5174);
const api = `http://127.0.0.1:${API_PORT}`;

const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'demo/server/main.ts',
    '--port',
    String(API_PORT),
    '--db',
    '.audit-data/demo.sqlite',
    '--seed',
  ],
  { stdio: 'inherit' },
);
server.once('exit', (code) => {
  if (!stopping) {
    console.error(`The API server stopped (exit ${code}); stopping the demo.`);
    process.exit(code ?? 1);
  }
});

// Wait until the API answers (the first start seeds 150,000 events, about ten seconds).
for (let tries = 0; ; tries++) {
  try {
    if ((await fetch(`${api}/health`)).ok) break;
  } catch {
    // not up yet
  }
  if (tries > 600) throw new Error(`The API did not come up on ${api}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}

// The app is served from its own origin and proxies the API, so the browser needs no CORS.
const app = await createServer({
  root: 'demo/app',
  logLevel: 'warn',
  server: {
    host: '127.0.0.1',
    port: APP_PORT,
    strictPort: true,
    proxy: { '/api': api, '/health': api, '/openapi.json': api },
  },
});
await app.listen();

// The embedding demo: a host's admin panel whose backend mints viewer sessions with its
// embed keys. The keys stay in this process; the host page gets a scoped, short-lived token.
const embedKeys = await provisionEmbedKeys(api, [...new Set(HOST_USERS.map((u) => u.tenantId))]);
const host = await createServer({
  root: 'demo/host',
  logLevel: 'warn',
  plugins: [hostBackendPlugin({ auditBaseUrl: api, embedKeys })],
  server: {
    host: '127.0.0.1',
    port: HOST_PORT,
    strictPort: true,
    proxy: { '/api': api },
  },
});
await host.listen();

console.log(`\nDemo app: http://127.0.0.1:${APP_PORT}  (API: ${api})`);
console.log(
  '  Sign in as viewer, manager, admin or writer of acme, globex or initech, or root of acme; password audit-demo.',
);
console.log(`\nEmbedding demo (a host app with its own sign-in): http://127.0.0.1:${HOST_PORT}`);
console.log(
  '  Sign in as dana (customer acme, sign-in events) or lee (customer globex, errors only); password host-demo.',
);
console.log('\nCtrl-C stops all three.');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all([app.close(), host.close()]);
  server.kill('SIGINT');
  server.once('exit', () => process.exit(0));
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
