import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  EVENT_TYPES,
  filterFields,
  SEVERITIES,
  SORT_FIELDS,
} from '../../src/contract/schemas/index.js';
import type { EventFilter } from '../../src/server/store/types.js';
import { eventByIdQuery, facetQuery, summaryGroupsQuery } from '../../demo/server/event-queries.js';
import { fieldColumn, type SqlFragment } from '../../demo/server/event-sql.js';
import { eventPageQuery, PG_DIALECT } from '../../demo/server/pg-event-sql.js';
import { PgStore, SESSION_SETTINGS } from '../../demo/server/pg-store.js';
import { createDatabase } from '../support/postgres-cluster.js';
import { ANY, DAY, event, iso, NOW } from '../support/store-agreement.js';

// Every filter and sort key of the contract is served by an index of `audit_events` (or,
// for search, of `event_search`): a write keeps fewer indexes current only where no query
// needs them. The planner is told to avoid sequential scans and sorts wherever it can, so
// a plan that still holds one shows that no index can serve the query.

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

let config: pg.PoolConfig;
let store: PgStore;
let client: pg.Client;

beforeAll(async () => {
  config = await createDatabase(inject('postgres'));
  store = await PgStore.open(config);
  // Enough distinct values, analysed, that the planner weighs each index as on a real log.
  const actions = ['read', 'update', 'delete'];
  await store.insertEvents(
    'acme',
    Array.from({ length: 3000 }, (_, i) =>
      event('acme', {
        event_type: EVENT_TYPES[i % EVENT_TYPES.length]!,
        severity: SEVERITIES[i % SEVERITIES.length]!,
        action: actions[i % actions.length]!,
        resource_type: `type-${i % 7}`,
        resource_id: `r-${i}`,
        user_id: `user-${i % 40}`,
        session_id: `s-${i}`,
        correlation_id: `c-${i}`,
        ip_address: `10.0.${i % 200}.${i % 11}`,
        timestamp: iso(NOW - i * 60_000),
      }),
    ),
  );
  client = new pg.Client({ ...config, options: SESSION_SETTINGS });
  await client.connect();
  await client.query('ANALYZE audit_events, event_rollups, facet_rollups');
});

afterAll(async () => {
  await client?.end();
  await store?.close();
});

/** The plan of a query as the store runs it: in a transaction under the tenant's setting. */
async function planOf(query: SqlFragment): Promise<PlanNode[]> {
  await client.query(`BEGIN; SELECT set_config('audit.tenant_id', 'acme', true);
    SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off`);
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      `EXPLAIN (FORMAT JSON) ${query.sql}`,
      query.params,
    );
    return nodes(rows[0]!['QUERY PLAN'][0]!.Plan);
  } finally {
    await client.query('ROLLBACK');
  }
}

const indexConditions = (plan: PlanNode[]) =>
  plan.flatMap((node) => [node['Index Cond'] ?? '', node['Recheck Cond'] ?? '']).join(' ');
const sorts = (plan: PlanNode[]) =>
  plan.filter((node) => /Sort/.test(node['Node Type'])).map((node) => node['Node Type']);
const page = { offset: 0, limit: 50 };

describe('indexes behind the contract', () => {
  it.each(SORT_FIELDS.flatMap((field) => [`${field} asc`, `${field} desc`]))(
    'reads a first page sorted by %s in index order, without sorting the tenant',
    async (sort) => {
      const [sort_by, sort_order] = sort.split(' ') as [EventFilter['sort_by'], 'asc' | 'desc'];
      const plan = await planOf(eventPageQuery('acme', { sort_by, sort_order }, page));
      expect(sorts(plan)).toEqual([]);
    },
  );

  it.each(filterFields().map(([key, { field }]) => [key, field] as const))(
    'finds the events of a %s filter through an index on %s',
    async (key, field) => {
      const value = key === 'event_types' ? EVENT_TYPES[0] : key === 'severities' ? 'error' : 'x';
      const plan = await planOf(eventPageQuery('acme', { ...ANY, [key]: [value] }, page));
      expect(indexConditions(plan)).toContain(fieldColumn(field));
    },
  );

  it('reads one event by its id through an index', async () => {
    const plan = await planOf(eventByIdQuery(PG_DIALECT, 'acme', 'some-id'));
    expect(indexConditions(plan)).toMatch(/\bid = /);
  });

  it('searches through the trigram index of the search text', async () => {
    const plan = await planOf(eventPageQuery('acme', { ...ANY, search: 'invoice' }, page));
    expect(plan.map((node) => node['Index Name'])).toContain('event_search_text');
  });
});

describe('facets over a large tenant', () => {
  const tables = (plan: PlanNode[]) => plan.flatMap((node) => node['Relation Name'] ?? []);
  /** The event partitions a plan reads, each through an index bounded by time. */
  const eventReads = (plan: PlanNode[]) =>
    plan.filter((node) => node['Relation Name']?.startsWith('audit_events'));
  // A week back from a moment inside an hour: whole hours and days, and one partial hour.
  const lastWeek: EventFilter = { ...ANY, start_date: iso(NOW - 7 * DAY + 1) };

  it.each(['action', 'user_id'] as const)(
    "counts a sidebar's %s over the whole tenant from the facet rollups alone",
    async (field) => {
      const plan = await planOf(facetQuery(PG_DIALECT, 'acme', ANY, field, 10));
      expect(tables(plan)).toContain('facet_rollups');
      expect(eventReads(plan)).toEqual([]);
    },
  );

  it.each(['action', 'user_id'] as const)(
    "counts a sidebar's %s over a week from the facet rollups' key, and only the partial hour from the events",
    async (field) => {
      const plan = await planOf(facetQuery(PG_DIALECT, 'acme', lastWeek, field, 10));
      expect(plan.map((node) => node['Index Name'])).toContain('facet_rollups_pkey');
      const reads = eventReads(plan);
      expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) expect(read['Index Cond']).toMatch(/"timestamp" < /);
    },
  );

  it('counts the fields the hourly rollups keep, and the total, from those rollups', async () => {
    for (const filter of [ANY, lastWeek]) {
      const plan = await planOf(summaryGroupsQuery(PG_DIALECT, 'acme', filter));
      expect(tables(plan)).toContain('event_rollups');
      for (const read of eventReads(plan)) expect(read['Index Cond']).toMatch(/"timestamp" < /);
    }
  });

  it("counts from the events when another field's filter cannot apply to the rollups", async () => {
    const oneUser = { ...ANY, user_ids: ['user-7'] };
    const plan = await planOf(facetQuery(PG_DIALECT, 'acme', oneUser, 'action', 10));
    expect(tables(plan)).not.toContain('facet_rollups');
    expect(indexConditions(plan)).toContain('user_id');
  });
});
