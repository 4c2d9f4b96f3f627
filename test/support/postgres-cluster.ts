import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The newest server Debian's `postgresql` package installed; PG_BIN overrides. */
function serverPrograms(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).map(Number).filter(Number.isInteger) : [];
  const newest = Math.max(...versions);
  return Number.isFinite(newest) ? join(root, String(newest), 'bin') : join(root, 'bin');
}
const PG_BIN = serverPrograms();
/** The role the stores connect as: not a superuser, so row-level security applies to it. */
export const APP_ROLE = 'audit';

export interface PostgresCluster {
  /** Connection settings for `database` as the application role. */
  config(database: string): pg.PoolConfig;
  /** A `postgres://` URL for `database` as the application role. */
  url(database: string): string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a PostgreSQL program; as root it runs as `postgres`, which initdb insists on. */
function run(program: string, args: string[]): void {
  const path = join(PG_BIN, program);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : path, asRoot ? ['-u', 'postgres', '--', path, ...args] : args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/**
 * A throwaway PostgreSQL cluster in a temporary directory, reachable only through a unix
 * socket in that directory. `durable: false` turns off fsync, for tests.
 */
export async function startPostgresCluster(
  options: { durable?: boolean; settings?: Record<string, string> } = {},
): Promise<PostgresCluster> {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL is not installed (no ${PG_BIN}/initdb): apt-get install postgresql, or set PG_BIN`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'audit-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: "''",
    unix_socket_directories: `'${dir}'`,
    port: String(port),
    // Commits need not wait for the disk: a crash loses the last commits, never integrity,
    // as with the SQLite store's synchronous=NORMAL.
    synchronous_commit: 'off',
    ...(options.durable === false ? { fsync: 'off', full_page_writes: 'off' } : {}),
    ...options.settings,
  };
  let started = false;
  const stop = () => {
    try {
      if (started) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '-N']);
    const flags = Object.entries(settings)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', flags, 'start']);
    started = true;
    const admin = new pg.Client({ host: dir, port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${APP_ROLE} LOGIN CREATEDB`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    stop();
    throw error;
  }
  const config = (database: string): pg.PoolConfig => ({
    host: dir,
    port,
    user: APP_ROLE,
    database,
  });
  return {
    config,
    url: (database) =>
      `postgres://${APP_ROLE}@localhost:${port}/${database}?host=${encodeURIComponent(dir)}`,
    stop,
  };
}

let databaseCount = 0;

/** A new empty database owned by the application role; answers its connection settings. */
export async function createDatabase(
  cluster: pg.PoolConfig,
  prefix = 'audit',
): Promise<pg.PoolConfig> {
  databaseCount += 1;
  const database = `${prefix}_${process.pid}_${databaseCount}`;
  const client = new pg.Client({ ...cluster, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return { ...cluster, database };
}
