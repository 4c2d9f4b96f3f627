import { inject } from 'vitest';
import { PgStore } from '../../demo/server/pg-store.js';
import { createDatabase } from './postgres-cluster.js';

/** A PostgreSQL store over a fresh database in the run's cluster (see postgres-global.ts). */
export async function openTestPgStore(): Promise<PgStore> {
  return PgStore.open(await createDatabase(inject('postgres')));
}
