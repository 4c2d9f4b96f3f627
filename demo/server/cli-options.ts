import { parseArgs } from 'node:util';

export interface ServerCliOptions {
  port: number;
  host: string;
  db: string | null;
  seed: boolean;
  eventsPerTenant: number;
  failRate: number;
  latencyMs: number;
  rateLimit: number;
  corsOrigins: string[] | '*';
  trustProxy: boolean;
  /** Record reads of the log as `data_access` events (off with `--no-access-records`). */
  accessRecords: boolean;
  exportsPerTenant: number;
  exportsTotal: number;
  exportIdleTimeoutMs: number;
  /** File holding the private Ed25519 JWK that signs tree heads; else one kept in the store. */
  signingKey: string | null;
}

export class CliUsageError extends Error {
  override name = 'CliUsageError' as const;
}

export const USAGE = `Usage: npm run server -- [options]
  --port <n>                 port to listen on, 0 for a free one (default 8000)
  --host <addr>              address to bind (default 127.0.0.1)
  --db <file|url>            SQLite data file, or a postgres:// URL; in memory when left out
  --seed                     seed demo tenants, users, keys and events into an empty store
  --events-per-tenant <n>    events the seed writes per tenant (default 50000)
  --rate-limit <n>           requests per minute per credential (default unlimited)
  --fail-rate <0..1>         share of API requests answered with 503
  --latency <ms>             delay every answer
  --cors-origin <origin>     allowed origin, repeatable (default any)
  --trust-proxy              take the client address from X-Forwarded-For (only behind
                             a proxy you run: anyone can send that header)
  --no-access-records        do not record reads of the log as data_access events
                             (for benchmarks)
  --exports-per-tenant <n>   exports one tenant may run at once (default 2)
  --exports-total <n>        exports all tenants may run at once (default 8)
  --export-idle-timeout <ms> end an export whose reader takes nothing this long (default 30000)
  --signing-key <file>       private Ed25519 JWK signing tree heads and export manifests
                             (default: one made at first start and kept in the data file)`;

function number(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
  integer = true,
): number {
  if (text === undefined) return fallback;
  // Plain decimals only: Number() would also take "1e3", "0x1f" or " 8".
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new CliUsageError(
      `--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** Whether `--db` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The server's command line, checked: a bad value is an error naming the flag. */
export function parseCliOptions(argv: readonly string[]): ServerCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        seed: { type: 'boolean' },
        'events-per-tenant': { type: 'string' },
        'rate-limit': { type: 'string' },
        'fail-rate': { type: 'string' },
        latency: { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'trust-proxy': { type: 'boolean' },
        'no-access-records': { type: 'boolean' },
        'exports-per-tenant': { type: 'string' },
        'exports-total': { type: 'string' },
        'export-idle-timeout': { type: 'string' },
        'signing-key': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const origins = values['cors-origin'];
  for (const origin of origins ?? []) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new CliUsageError(
        `--cors-origin must be an origin like http://localhost:5173, not ${JSON.stringify(origin)}`,
      );
    }
  }
  return {
    port: number('port', values.port, 8000, 0, 65535),
    host: values.host ?? '127.0.0.1',
    db: values.db ?? null,
    seed: values.seed ?? false,
    eventsPerTenant: number(
      'events-per-tenant',
      values['events-per-tenant'],
      50_000,
      0,
      10_000_000,
    ),
    rateLimit: number('rate-limit', values['rate-limit'], 0, 0, 1_000_000),
    failRate: number('fail-rate', values['fail-rate'], 0, 0, 1, false),
    latencyMs: number('latency', values.latency, 0, 0, 600_000),
    corsOrigins: !origins || origins.includes('*') ? '*' : origins,
    trustProxy: values['trust-proxy'] ?? false,
    accessRecords: !(values['no-access-records'] ?? false),
    exportsPerTenant: number('exports-per-tenant', values['exports-per-tenant'], 2, 1, 10_000),
    exportsTotal: number('exports-total', values['exports-total'], 8, 1, 10_000),
    exportIdleTimeoutMs: number(
      'export-idle-timeout',
      values['export-idle-timeout'],
      30_000,
      100,
      3_600_000,
    ),
    signingKey: values['signing-key'] ?? null,
  };
}
