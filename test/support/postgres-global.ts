import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection settings (no database) of the run's throwaway PostgreSQL cluster. */
    postgres: { host: string; port: number; user: string };
  }
}

/**
 * One throwaway PostgreSQL cluster for the whole unit run (each store gets a database of
 * its own in it), stopped and deleted when the run ends.
 */
export default async function startPostgres(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster({ durable: false });
  const { host, port, user } = cluster.config('postgres');
  project.provide('postgres', { host: host!, port: port!, user: user! });
  return () => cluster.stop();
}
