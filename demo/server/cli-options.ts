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
  --cors-origin <origin>     allowed origin, repeatable (default any)`;

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
  };
}
