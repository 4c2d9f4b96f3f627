import type pg from 'pg';
import { appendLeaves } from '../../src/server/merkle/tree-append.js';
import { nodeKey, type NodeId } from '../../src/server/merkle/tree-math.js';
import { HASH_BYTES, nodeRuns, nodeSha256 } from './sqlite-merkle.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * The roots of the complete subtrees that make up a tree of `size` leaves, left to right:
 * the only stored nodes that appending to it reads.
 */
function rightEdge(size: number): NodeId[] {
  const edge: NodeId[] = [];
  for (let level = 0; 2 ** level <= size; level++) {
    if (Math.floor(size / 2 ** level) % 2 === 1) {
      edge.push({ level, index: Math.floor(size / 2 ** level) - 1 });
    }
  }
  return edge;
}

/**
 * Stored nodes by `nodeKey`, in one query: each is the slice of the run (see the SQLite
 * store's `merkle_runs`) that starts at or before it on its level.
 */
export async function readTreeNodes(
  db: Queryable,
  tenantId: string,
  nodes: readonly NodeId[],
): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  if (nodes.length === 0) return found;
  const { rows } = await db.query<{ level: number; idx: number; hash: Buffer }>(
    `SELECT w.level, w.idx, substring(r.hashes FROM ((w.idx - r.first_idx) * ${HASH_BYTES} + 1)::int FOR ${HASH_BYTES}) AS hash
     FROM unnest($2::smallint[], $3::bigint[]) AS w (level, idx)
     CROSS JOIN LATERAL (
       SELECT first_idx, hashes FROM merkle_runs
       WHERE tenant_id = $1 AND level = w.level AND first_idx <= w.idx
       ORDER BY first_idx DESC LIMIT 1
     ) AS r`,
    [tenantId, nodes.map((node) => node.level), nodes.map((node) => node.index)],
  );
  for (const row of rows) {
    if (row.hash.length === HASH_BYTES) {
      found.set(nodeKey({ level: row.level, index: row.idx }), row.hash);
    }
  }
  return found;
}

/**
 * Locks the tenant's tree until the transaction ends and answers its size (the next
 * sequence): writers of one tenant take turns, so sequences follow commit order.
 */
export async function lockTreeSize(db: Queryable, tenantId: string): Promise<number> {
  const { rows } = await db.query<{ size: number }>(
    `INSERT INTO merkle_trees (tenant_id, size) VALUES ($1, 0)
     ON CONFLICT (tenant_id) DO UPDATE SET size = merkle_trees.size
     RETURNING size`,
    [tenantId],
  );
  return rows[0]!.size;
}

/**
 * The tree's right edge (`rightEdge(size)`'s hashes, in its order) as stored beside its size
 * in `merkle_trees.edge`, or null when that is absent or not of this size's shape (a tree
 * last written before the column existed).
 */
function edgeNodes(size: number, edge: Uint8Array | null): Map<string, Uint8Array> | null {
  const nodes = rightEdge(size);
  if (!edge || edge.length !== nodes.length * HASH_BYTES) return null;
  return new Map(
    nodes.map((node, i) => [nodeKey(node), edge.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES)]),
  );
}

/**
 * Appends leaves (canonical leaf JSON) to a tree of `size` leaves whose row the
 * transaction holds locked, storing each level's new nodes as one run. `edge` is the right
 * edge stored beside the size, read with the lock (null when none is stored yet): with it
 * the append reads no runs, one round trip fewer while the lock is held, and the new edge is
 * stored with the new size. Only the upgrade that logs events from before tamper evidence
 * leaves it out: it runs before the tree has an edge column.
 */
export async function appendTreeLeaves(
  db: Queryable,
  tenantId: string,
  size: number,
  entries: readonly string[],
  edge?: Uint8Array | null,
): Promise<void> {
  if (entries.length === 0) return;
  const known =
    edgeNodes(size, edge ?? null) ?? (await readTreeNodes(db, tenantId, rightEdge(size)));
  const nodes = appendLeaves(nodeSha256, size, entries, (node) => known.get(nodeKey(node)) ?? null);
  const runs = nodeRuns(nodes);
  const values: unknown[] = [
    tenantId,
    runs.map((run) => run.level),
    runs.map((run) => run.first_idx),
    runs.map((run) => run.hashes),
    size + entries.length,
  ];
  if (edge !== undefined) {
    // The new edge is made of nodes just made and nodes of the old edge.
    for (const node of nodes) known.set(nodeKey(node), node.hash);
    values.push(
      Buffer.concat(rightEdge(size + entries.length).map((node) => known.get(nodeKey(node))!)),
    );
  }
  // The new runs and the new size in one statement: one round trip fewer per write.
  await db.query(
    `WITH runs AS (
       INSERT INTO merkle_runs (tenant_id, level, first_idx, hashes)
       SELECT $1, * FROM unnest($2::smallint[], $3::bigint[], $4::bytea[])
     )
     UPDATE merkle_trees SET size = $5${edge === undefined ? '' : ', edge = $6'} WHERE tenant_id = $1`,
    values,
  );
}
