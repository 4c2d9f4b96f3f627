import type pg from 'pg';
import { canonicalLeafJson } from '../../src/contract/leaf.js';
import { appendTreeLeaves, lockTreeSize } from './pg-merkle.js';
import { FACET_ROLLUP_KEY, facetRollupsFrom } from './facet-rollups.js';
import { PG_DIALECT } from './pg-event-sql.js';
import { totalsFrom } from './pg-event-totals.js';
import { toEvent, type EventRow } from './sqlite-rows.js';

/** The setting that names the tenant a transaction may see; row-level security reads it. */
export const TENANT_SETTING = 'audit.tenant_id';

/** Rows of a tenant-scoped table are visible and writable only under their tenant's setting. */
export function tenantWall(table: string): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_wall ON ${table}
      USING (tenant_id = NULLIF(current_setting('${TENANT_SETTING}', true), ''))
      WITH CHECK (tenant_id = NULLIF(current_setting('${TENANT_SETTING}', true), ''));`;
}

// Instants are epoch milliseconds (bigint), as in the SQLite store, so both share row
// conversions and query builders. Text that is sorted or compared is COLLATE "C": code-point
// order, the order the in-memory store's comparisons give for all but astral characters.
const TABLES = `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE TABLE users (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    username text NOT NULL,
    -- Lower-cased in JavaScript, as the in-memory store compares.
    username_key text NOT NULL,
    email text NOT NULL,
    full_name text,
    roles jsonb NOT NULL,
    is_active boolean NOT NULL,
    password_hash text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint,
    last_login_at bigint,
    CONSTRAINT users_username_key UNIQUE (tenant_id, username_key)
  );

  CREATE TABLE api_keys (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    name text NOT NULL,
    permissions jsonb NOT NULL,
    key_prefix text NOT NULL,
    key_hash text NOT NULL UNIQUE,
    created_by text NOT NULL,
    is_active boolean NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint,
    last_used_at bigint,
    updated_at bigint
  );
  CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at);

  CREATE TABLE sessions (
    id text PRIMARY KEY,
    tenant_id text NOT NULL,
    user_id text NOT NULL REFERENCES users (id),
    created_at bigint NOT NULL,
    revoked_at bigint
  );
  CREATE INDEX sessions_by_user ON sessions (tenant_id, user_id);

  CREATE TABLE refresh_tokens (
    token_hash text PRIMARY KEY,
    session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    expires_at bigint NOT NULL,
    used_at bigint
  );
  CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

  -- Partitioned by month of the event's time (see pg-partitions.ts); severity_rank orders
  -- severities (critical highest); search_text holds the searched fields lower-cased in
  -- JavaScript, joined by U+001F, for the contract's case-insensitive substring search.
  CREATE TABLE audit_events (
    id text COLLATE "C" NOT NULL,
    tenant_id text COLLATE "C" NOT NULL,
    timestamp bigint NOT NULL,
    created_at bigint NOT NULL,
    event_type text COLLATE "C" NOT NULL,
    severity text NOT NULL,
    severity_rank smallint NOT NULL,
    resource_type text COLLATE "C" NOT NULL,
    resource_id text COLLATE "C",
    action text COLLATE "C" NOT NULL,
    description text NOT NULL,
    user_id text COLLATE "C",
    ip_address text COLLATE "C",
    user_agent text,
    session_id text COLLATE "C",
    correlation_id text COLLATE "C",
    metadata json,
    search_text text NOT NULL
  ) PARTITION BY RANGE (timestamp);
  CREATE INDEX events_by_id ON audit_events (tenant_id, id);
  -- Each sort key leads an index with timestamp and id next, so a first page in any order
  -- reads about one page of entries; each filter leads one so it reads only its matches.
  CREATE INDEX events_by_time ON audit_events (tenant_id, timestamp, id);
  CREATE INDEX events_by_severity ON audit_events (tenant_id, severity_rank, timestamp, id);
  CREATE INDEX events_by_type ON audit_events (tenant_id, event_type, timestamp, id);
  CREATE INDEX events_by_resource_type ON audit_events (tenant_id, resource_type, timestamp, id);
  CREATE INDEX events_by_action ON audit_events (tenant_id, action, timestamp, id);
  CREATE INDEX events_by_user ON audit_events (tenant_id, user_id NULLS FIRST, timestamp, id);
  CREATE INDEX events_by_created ON audit_events (tenant_id, created_at, timestamp, id);
  CREATE INDEX events_by_resource ON audit_events (tenant_id, resource_id, timestamp);
  CREATE INDEX events_by_session ON audit_events (tenant_id, session_id, timestamp);
  CREATE INDEX events_by_correlation ON audit_events (tenant_id, correlation_id, timestamp);
  CREATE INDEX events_by_ip ON audit_events (tenant_id, ip_address, timestamp);
  CREATE INDEX events_search ON audit_events USING gin (search_text gin_trgm_ops);
  ${tenantWall('audit_events')}

  CREATE TABLE event_rollups (
    tenant_id text COLLATE "C" NOT NULL,
    hour bigint NOT NULL,
    event_type text COLLATE "C" NOT NULL,
    severity_rank smallint NOT NULL,
    resource_type text COLLATE "C" NOT NULL,
    n bigint NOT NULL,
    first_at bigint NOT NULL,
    last_at bigint NOT NULL,
    PRIMARY KEY (tenant_id, hour, event_type, severity_rank, resource_type)
  );
  ${tenantWall('event_rollups')}

  CREATE TABLE idempotency_keys (
    tenant_id text NOT NULL,
    key text NOT NULL,
    fingerprint text NOT NULL,
    event_ids jsonb NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (tenant_id, key)
  );
  ${tenantWall('idempotency_keys')}
`;

// Tamper evidence, as in the SQLite store (see pg-merkle.ts): each event's place in its
// tenant's log, and the log's tree apart from the rows, behind the same tenant wall.
const TAMPER_EVIDENCE = `
  ALTER TABLE audit_events ADD COLUMN sequence bigint;
  CREATE TABLE merkle_trees (
    tenant_id text COLLATE "C" PRIMARY KEY,
    size bigint NOT NULL
  );
  ${tenantWall('merkle_trees')}
  CREATE TABLE merkle_runs (
    tenant_id text COLLATE "C" NOT NULL,
    level smallint NOT NULL,
    first_idx bigint NOT NULL,
    hashes bytea NOT NULL,
    PRIMARY KEY (tenant_id, level, first_idx)
  );
  ${tenantWall('merkle_runs')}
`;

/** Gives the events a database held before tamper evidence their sequences and tree. */
async function logExistingEvents(client: pg.ClientBase): Promise<void> {
  // Tenants are listed past the wall (the migration runs as the tables' owner), then each
  // is logged under its own tenant setting.
  await client.query('ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY');
  const tenants = (
    await client.query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM audit_events')
  ).rows.map((row) => row.tenant_id);
  await client.query('ALTER TABLE audit_events FORCE ROW LEVEL SECURITY');
  for (const tenantId of tenants) {
    await client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenantId]);
    const { rows } = await client.query<EventRow>(
      `SELECT ${PG_DIALECT.eventSelect} FROM audit_events WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tenantId],
    );
    const size = await lockTreeSize(client, tenantId);
    const events = rows.map((row, offset) => ({ ...toEvent(row), sequence: size + offset }));
    await client.query(
      `UPDATE audit_events AS e SET sequence = s.sequence
       FROM unnest($2::text[], $3::bigint[]) AS s (id, sequence)
       WHERE e.tenant_id = $1 AND e.id = s.id`,
      [tenantId, events.map((event) => event.id), events.map((event) => event.sequence)],
    );
    await appendTreeLeaves(client, tenantId, size, events.map(canonicalLeafJson));
  }
}

// Search reads a trigram index, but not on a table under row-level security: `LIKE` is not
// a leakproof operator, so PostgreSQL will not let it run in an index scan ahead of the
// tenant policy, and each search scanned all of its tenant's rows. The searched text
// (lower-cased by JavaScript) lives in `event_search` instead, outside the policy: every
// query names the tenant and answers only event ids, which are read
// back through `audit_events`, where the policy still admits only the tenant's own rows.
const SEARCH_TABLE = `
  CREATE TABLE event_search (
    tenant_id text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    search_text text NOT NULL
  );
  -- Trigrams alone, the tenant checked on the rows found: a (tenant_id, trigram) GIN index
  -- (btree_gin) measured 4× slower on one large tenant, which reads the tenant's whole entry.
  CREATE INDEX event_search_text ON event_search USING gin (search_text gin_trgm_ops);
`;

async function moveSearchText(client: pg.ClientBase): Promise<void> {
  await client.query(SEARCH_TABLE);
  // The migration runs as the tables' owner: past the wall for the copy, then back up.
  await client.query('ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY');
  await client.query(
    'INSERT INTO event_search (tenant_id, id, search_text) SELECT tenant_id, id, search_text FROM audit_events',
  );
  await client.query('ALTER TABLE audit_events FORCE ROW LEVEL SECURITY');
  await client.query('DROP INDEX events_search');
  await client.query('ALTER TABLE audit_events DROP COLUMN search_text');
}

/**
 * A table of counts created and filled from the events a database already holds. The
 * migration runs as the tables' owner: the events are read past the wall, and the new
 * table's wall goes up once it is filled.
 */
async function addCountsTable(
  client: pg.ClientBase,
  table: string,
  create: string,
  fill: string,
): Promise<void> {
  await client.query(create);
  await client.query('ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY');
  await client.query(fill);
  await client.query('ALTER TABLE audit_events FORCE ROW LEVEL SECURITY');
  await client.query(tenantWall(table));
}

// Events per tenant and hour (see pg-event-totals.ts).
const EVENT_TOTALS_TABLE = `CREATE TABLE event_totals (
    tenant_id text COLLATE "C" NOT NULL,
    hour bigint NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (tenant_id, hour)
  )`;

// Counts per tenant, field, span, start and value for the facet fields the hourly rollups
// do not key on (see facet-rollups.ts). Values are COLLATE "C", as the events' columns they
// are counted beside, so a facet's ties order alike from either.
const FACET_ROLLUPS_TABLE = `CREATE TABLE facet_rollups (
    tenant_id text COLLATE "C" NOT NULL,
    field text COLLATE "C" NOT NULL,
    span integer NOT NULL,
    start bigint NOT NULL,
    value text COLLATE "C" NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (${FACET_ROLLUP_KEY.join(', ')})
  )`;

/**
 * Each entry brings a database from the version before it to its own (index + 1). A
 * database written by an older build is upgraded on start; a newer one is refused.
 */
const MIGRATIONS: readonly (string | ((client: pg.ClientBase) => Promise<void>))[] = [
  TABLES,
  // 2: tamper evidence: sequences and the tree, and older events logged.
  async (client) => {
    await client.query(TAMPER_EVIDENCE);
    await logExistingEvents(client);
  },
  // 3: viewer sessions a host mints for its own users (read by id with the tenant, like
  // logins' sessions).
  `CREATE TABLE viewer_sessions (
     id text PRIMARY KEY,
     tenant_id text NOT NULL,
     subject text NOT NULL,
     permissions text NOT NULL,
     scope text,
     minted_by text NOT NULL,
     created_at bigint NOT NULL,
     expires_at bigint NOT NULL,
     revoked_at bigint
   );`,
  // 4: search from a table of its own (see SEARCH_TABLE).
  moveSearchText,
  // 5: events looked up by their place in the log (`/audit/entries`), so a row deleted
  // while the tree keeps its leaf shows as a gap.
  'CREATE INDEX events_by_sequence ON audit_events (tenant_id, sequence);',
  // 6: the tree's right edge beside its size (see pg-merkle.ts, `appendTreeLeaves`), so a
  // write reads it with the lock instead of in a round trip of its own; trees written
  // before have none until their next write.
  'ALTER TABLE merkle_trees ADD COLUMN edge bytea;',
  // 7: a page's total without filters from one row per tenant and hour.
  (client) =>
    addCountsTable(client, 'event_totals', EVENT_TOTALS_TABLE, totalsFrom('audit_events')),
  // 8: the action and user facets from counts per hour and day.
  (client) =>
    addCountsTable(client, 'facet_rollups', FACET_ROLLUPS_TABLE, facetRollupsFrom('audit_events')),
];

export const SCHEMA_VERSION = MIGRATIONS.length;
const VERSION_KEY = 'schema_version';
/** Any number shared by every server on one database: migrations run one at a time. */
const MIGRATION_LOCK = 7_281_946;

/** Creates or upgrades the schema in one transaction; safe to run on every start. */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)',
    );
    const { rows } = await client.query<{ value: string }>(
      'SELECT value FROM meta WHERE key = $1',
      [VERSION_KEY],
    );
    const version = rows[0] ? Number(rows[0].value) : 0;
    if (!Number.isInteger(version) || version > SCHEMA_VERSION) {
      throw new Error(
        `The database has schema version ${version}, newer than this server's ${SCHEMA_VERSION}; use a newer server or another database`,
      );
    }
    for (const step of MIGRATIONS.slice(version)) {
      if (typeof step === 'string') await client.query(step);
      else await step(client);
    }
    await client.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [VERSION_KEY, String(SCHEMA_VERSION)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
