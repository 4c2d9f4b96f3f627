// The reference Audit Log API as a Node HTTP server over SQLite or PostgreSQL: `npm run server -- --help`.
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createAuditLogApp } from '../../src/server/app.js';
import { DEMO_API_KEYS, DEMO_PASSWORD, seedDemoData } from '../../src/server/seed.js';
import type { AuditStore } from '../../src/server/store/types.js';
import { CliUsageError, isPostgresUrl, parseCliOptions, USAGE } from './cli-options.js';
import { PgStore } from './pg-store.js';
import { openSqliteStore } from './sqlite-threaded-store.js';

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}

let options;
try {
  options = parseCliOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliUsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}

// A PostgreSQL URL may carry a password: it is named by its host and database only.
const postgresUrl = options.db && isPostgresUrl(options.db) ? new URL(options.db) : null;
const dataName = postgresUrl ? `${postgresUrl.host}${postgresUrl.pathname}` : options.db;
let store: AuditStore;
if (options.db && postgresUrl) {
  try {
    const pgStore = await PgStore.open(options.db);
    if (await pgStore.bypassesRowSecurity()) {
      console.warn(
        'Connected as a role that bypasses row-level security: tenant walls rest on the queries alone. Connect as an ordinary role (see README).',
      );
    }
    store = pgStore;
  } catch (error) {
    console.error(`Cannot open the PostgreSQL database ${dataName}: ${(error as Error).message}`);
    process.exit(1);
  }
} else {
  if (options.db) mkdirSync(dirname(resolve(options.db)), { recursive: true });
  try {
    store = await openSqliteStore(options.db ?? ':memory:');
  } catch (error) {
    console.error(`Cannot open the data file ${options.db}: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (options.seed) {
  const started = performance.now();
  const seed = await seedDemoData(store, { eventsPerTenant: options.eventsPerTenant });
  if (seed.seeded) {
    console.log(
      `Seeded ${seed.eventsPerTenant * Object.keys(seed.apiKeys).length} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log('\nDemo logins (password for all: audit-demo):');
    console.table(
      seed.users.map((u) => ({
        tenant: u.tenant,
        username: u.username,
        role: u.role,
        password: DEMO_PASSWORD,
      })),
    );
    console.log('API keys (send with X-API-Key and X-Tenant-ID):');
    for (const [tenant, key] of Object.entries(seed.apiKeys)) console.log(`  ${tenant}: ${key}`);
  } else {
    const keys = Object.entries(DEMO_API_KEYS).map(([tenant, key]) => `${tenant} ${key}`);
    console.log(`Using the data already in ${dataName}`);
    console.log(`Demo logins use the password ${DEMO_PASSWORD}; API keys: ${keys.join(', ')}`);
  }
}

let treeSigningKey: JsonWebKey | undefined;
if (options.signingKey) {
  try {
    treeSigningKey = JSON.parse(readFileSync(options.signingKey, 'utf8')) as JsonWebKey;
  } catch (error) {
    console.error(`Cannot read the signing key ${options.signingKey}: ${(error as Error).message}`);
    process.exit(2);
  }
}

const app = createAuditLogApp({
  store,
  ...(treeSigningKey ? { treeSigningKey } : {}),
  rateLimitPerMinute: options.rateLimit,
  failRate: options.failRate,
  latencyMs: options.latencyMs,
  corsOrigins: options.corsOrigins,
  trustProxy: options.trustProxy,
  accessRecords: options.accessRecords,
  exportLimits: {
    perTenant: options.exportsPerTenant,
    total: options.exportsTotal,
    idleTimeoutMs: options.exportIdleTimeoutMs,
  },
});

const server = serve(
  { fetch: app.fetch, port: options.port, hostname: options.host },
  (info: AddressInfo) => {
    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${info.port}`;
    console.log(`\nAudit Log API listening on ${url}`);
    console.log(`OpenAPI document: ${url}/openapi.json`);
  },
);

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${options.port} on ${options.host} is in use; pick another with --port (0 for any free one)`
      : `The server could not start: ${error.message}`,
  );
  void Promise.resolve(store.close?.()).finally(() => process.exit(1));
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    void Promise.resolve(store.close?.()).finally(() => process.exit(0));
  });
  if ('closeAllConnections' in server) server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
