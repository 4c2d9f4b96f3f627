import { canonicalLeafJson } from '../../src/contract/leaf.js';
import { bucketExpression } from './event-queries.js';
import type { Connection } from './sqlite-connection.js';
import { SqliteTree } from './sqlite-merkle.js';
import { fillSearchIndex } from './sqlite-search.js';
import { SEARCH_BACKLOG_TABLE, SEARCH_INDEX_HASH_SIZE } from './sqlite-search-backlog.js';
import { FACET_ROLLUPS_TABLE, FILL_FACET_ROLLUPS } from './facet-rollups.js';
import { EVENT_COLUMNS, toEvent, type EventRow } from './sqlite-rows.js';
import { StatementCache } from './sqlite-statement-cache.js';

const TABLES = `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    username TEXT NOT NULL,
    -- Lower-cased in JavaScript, as the in-memory store compares; SQLite's lower() is ASCII only.
    username_key TEXT NOT NULL,
    email TEXT NOT NULL,
    full_name TEXT,
    roles TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    last_login_at INTEGER
  );
  CREATE UNIQUE INDEX users_by_username ON users (tenant_id, username_key);

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    permissions TEXT NOT NULL,
    key_prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    last_used_at INTEGER
  );

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);

  CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

  -- Timestamps are epoch milliseconds; severity_rank orders severities (critical highest).
  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    severity TEXT NOT NULL,
    severity_rank INTEGER NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT,
    action TEXT NOT NULL,
    description TEXT NOT NULL,
    user_id TEXT,
    ip_address TEXT,
    user_agent TEXT,
    session_id TEXT,
    correlation_id TEXT,
    metadata TEXT
  );
  CREATE UNIQUE INDEX events_by_id ON audit_events (tenant_id, id);
  -- Each sortable or filterable field leads an index with timestamp next, so a first page
  -- in that order, or filtered on one value of it, reads about one page of entries.
  -- severity_rank rides along on the time index so a timeline never reads the table.
  CREATE INDEX events_by_time ON audit_events (tenant_id, timestamp, severity_rank);
  CREATE INDEX events_by_severity ON audit_events (tenant_id, severity_rank, timestamp);
  CREATE INDEX events_by_type ON audit_events (tenant_id, event_type, timestamp);
  CREATE INDEX events_by_resource_type ON audit_events (tenant_id, resource_type, timestamp);
  CREATE INDEX events_by_action ON audit_events (tenant_id, action, timestamp);
  CREATE INDEX events_by_user ON audit_events (tenant_id, user_id, timestamp);
  CREATE INDEX events_by_created ON audit_events (tenant_id, created_at);
  CREATE INDEX events_by_resource ON audit_events (tenant_id, resource_id, timestamp);
  CREATE INDEX events_by_session ON audit_events (tenant_id, session_id, timestamp);
  CREATE INDEX events_by_correlation ON audit_events (tenant_id, correlation_id, timestamp);
  CREATE INDEX events_by_ip ON audit_events (tenant_id, ip_address, timestamp);
  -- The summary's three group counts and its date range in one pass over this index alone.
  CREATE INDEX events_summary ON audit_events
    (tenant_id, event_type, severity_rank, resource_type, timestamp);

  CREATE TABLE idempotency_keys (
    tenant_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    event_ids TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, key)
  ) WITHOUT ROWID;
`;

// Without statistics SQLite guesses that `tenant_id = ?` matches about ten rows, and then
// prefers walking a whole tenant in time order to sorting the few rows a selective filter
// (a correlation id, a user) matches. Fixed statistics describe a large multi-tenant log
// instead, so plans are chosen for the size where they matter and do not change as data
// grows. Each entry: rows, then average rows per value of each leading column prefix.
const PLANNER_STATISTICS = `
  ANALYZE sqlite_schema;
  DELETE FROM sqlite_stat1 WHERE tbl = 'audit_events';
  INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
    ('audit_events', 'events_by_id', '1000000 100000 1'),
    ('audit_events', 'events_by_time', '1000000 100000 2 2'),
    ('audit_events', 'events_by_severity', '1000000 100000 20000 2'),
    ('audit_events', 'events_by_type', '1000000 100000 12500 2'),
    ('audit_events', 'events_by_resource_type', '1000000 100000 5000 2'),
    ('audit_events', 'events_by_action', '1000000 100000 2000 2'),
    ('audit_events', 'events_by_user', '1000000 100000 500 2'),
    ('audit_events', 'events_by_created', '1000000 100000 2'),
    ('audit_events', 'events_by_resource', '1000000 100000 20 2'),
    ('audit_events', 'events_by_session', '1000000 100000 20 2'),
    ('audit_events', 'events_by_correlation', '1000000 100000 5 1'),
    ('audit_events', 'events_by_ip', '1000000 100000 100 2'),
    ('audit_events', 'events_summary', '1000000 100000 12500 2500 500 2');
  ANALYZE sqlite_schema;
`;

// Tamper evidence: each event's place in its tenant's log, and the log's tree apart from
// the rows (see sqlite-merkle.ts). The index on `sequence` came later (version 8).
const TAMPER_EVIDENCE = `
  ALTER TABLE audit_events ADD COLUMN sequence INTEGER;
  CREATE TABLE merkle_trees (
    tenant_id TEXT PRIMARY KEY,
    size INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- The nodes one write completes at one level have consecutive indexes, so they are kept
  -- as one run: 32-byte hashes end to end from first_idx. A write of 1000 events adds about
  -- a dozen rows rather than 2000.
  CREATE TABLE merkle_runs (
    tenant_id TEXT NOT NULL,
    level INTEGER NOT NULL,
    first_idx INTEGER NOT NULL,
    hashes BLOB NOT NULL,
    PRIMARY KEY (tenant_id, level, first_idx)
  ) WITHOUT ROWID;
`;

/** Gives the events of a file written before tamper evidence their sequences and tree. */
function logExistingEvents(db: Connection): void {
  const statements = new StatementCache(db);
  const tree = new SqliteTree(statements);
  const tenants = db
    .prepare('SELECT DISTINCT tenant_id FROM audit_events')
    .pluck()
    .all() as string[];
  const page = db.prepare(
    `SELECT seq, ${EVENT_COLUMNS.join(', ')} FROM audit_events
     WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT 10000`,
  );
  const setSequence = db.prepare('UPDATE audit_events SET sequence = ? WHERE seq = ?');
  for (const tenantId of tenants) {
    let after = 0;
    for (;;) {
      const rows = page.all(tenantId, after) as (EventRow & { seq: number })[];
      if (rows.length === 0) break;
      const size = tree.size(tenantId);
      const entries = rows.map((row, offset) => {
        setSequence.run(size + offset, row.seq);
        return canonicalLeafJson({ ...toEvent(row), sequence: size + offset });
      });
      tree.append(tenantId, entries);
      after = rows.at(-1)!.seq;
    }
  }
}

// Counts per tenant, hour and (event type, severity, resource type), written with each
// batch (see event-rollups.ts), filled here from the events a file already holds. They
// answer summaries, timelines and page totals, so the index built for summaries goes.
const ROLLUPS = `
  CREATE TABLE event_rollups (
    tenant_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    severity_rank INTEGER NOT NULL,
    resource_type TEXT NOT NULL,
    n INTEGER NOT NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, hour, event_type, severity_rank, resource_type)
  ) WITHOUT ROWID;
  INSERT INTO event_rollups
    SELECT tenant_id, ${bucketExpression('timestamp', 'hour')}, event_type, severity_rank,
      resource_type, COUNT(*), MIN(timestamp), MAX(timestamp)
    FROM audit_events GROUP BY 1, 2, 3, 4, 5;
  DROP INDEX events_summary;
  DELETE FROM sqlite_stat1 WHERE idx = 'events_summary';
  ANALYZE sqlite_schema;
`;

/**
 * Each entry brings a database from the version before it to its own (index + 1). A file
 * written by an older build is upgraded on open; one written by a newer build is refused.
 */
const MIGRATIONS: readonly (string | ((db: Connection) => void))[] = [
  TABLES + PLANNER_STATISTICS,
  // 2: API keys record when they were revoked, and are listed per tenant.
  `ALTER TABLE api_keys ADD COLUMN updated_at INTEGER;
   CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at);`,
  // 3: tamper evidence: sequences and the tree, and old files' events logged.
  (db) => {
    db.exec(TAMPER_EVIDENCE);
    logExistingEvents(db);
  },
  // 4: hourly rollups.
  ROLLUPS,
  // 5: viewer sessions a host mints for its own users.
  `CREATE TABLE viewer_sessions (
     id TEXT PRIMARY KEY,
     tenant_id TEXT NOT NULL,
     subject TEXT NOT NULL,
     permissions TEXT NOT NULL,
     scope TEXT,
     minted_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER
   );`,
  // 6: the search index (see sqlite-search.ts), filled from the events already stored.
  fillSearchIndex,
  // 7: facet rollups (see facet-rollups.ts), filled from the events already stored.
  FACET_ROLLUPS_TABLE + FILL_FACET_ROLLUPS,
  // 8: events looked up by their place in the log (`/audit/entries`), so a row deleted
  // while the tree keeps its leaf shows as a gap. Sequences only grow, so each insert adds
  // at the index's right edge: the cheapest of the table's indexes to keep. Its planner
  // statistics say what it is good for (one row per place), as the other indexes' do, so
  // the planner keeps choosing those for their own queries.
  `CREATE INDEX events_by_sequence ON audit_events (tenant_id, sequence);
   INSERT INTO sqlite_stat1 (tbl, idx, stat)
     VALUES ('audit_events', 'events_by_sequence', '1000000 100000 1');
   ANALYZE sqlite_schema;`,
  // 9: the search index's backlog (see sqlite-search-backlog.ts): writes append search text
  // there and it is folded into the index in bulk. A file's events so far are all indexed.
  SEARCH_BACKLOG_TABLE + SEARCH_INDEX_HASH_SIZE,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
const VERSION_KEY = 'schema_version';

function currentVersion(db: Connection): number {
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    .get();
  if (!hasMeta) return 0;
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(VERSION_KEY) as
    { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/** Creates or upgrades the schema; safe to run on every open. */
export function migrate(db: Connection): void {
  db.transaction(() => {
    const version = currentVersion(db);
    if (!Number.isInteger(version) || version > SCHEMA_VERSION) {
      throw new Error(
        `The database has schema version ${version}, newer than this server's ${SCHEMA_VERSION}; use a newer server or another --db file`,
      );
    }
    for (const step of MIGRATIONS.slice(version)) {
      if (typeof step === 'string') db.exec(step);
      else step(db);
    }
    if (version < SCHEMA_VERSION) {
      db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(VERSION_KEY, String(SCHEMA_VERSION));
    }
  }).immediate();
}
