import { hash } from 'node:crypto';
import { appendLeaves } from '../../src/server/merkle/tree-append.js';
import type { Sha256 } from '../../src/server/merkle/tree-hash.js';
import { nodeKey, type NodeId } from '../../src/server/merkle/tree-math.js';
import type { StatementCache } from './sqlite-statement-cache.js';

/**
 * Node's native SHA-256: the tree grows inside the (synchronous) write transaction. One-shot
 * `hash` rather than a `Hash` object per node, which cost ingest a tenth of its time in
 * allocation and garbage collection.
 */
export const nodeSha256: Sha256 = (parts) => {
  const [first, second] = parts;
  // A one-byte prefix and a text (a leaf) hash as one string: U+0000 is the byte 0x00.
  if (
    parts.length === 2 &&
    first instanceof Uint8Array &&
    first.length === 1 &&
    first[0]! < 0x80 &&
    typeof second === 'string'
  ) {
    return hash('sha256', String.fromCharCode(first[0]!) + second, 'buffer');
  }
  const bytes = parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
  return hash('sha256', Buffer.concat(bytes), 'buffer');
};

const HASH_BYTES = 32;

interface Run {
  first_idx: number;
  hashes: Uint8Array;
}

/**
 * A tenant's RFC 6962 log in the tables `merkle_trees` (size per tenant) and `merkle_runs`
 * (complete subtrees, in runs of consecutive indexes per level), kept apart from the event
 * rows so editing or deleting a row leaves the tree, and every other event's proof, as
 * they were. A node is one indexed read: the run that starts at or before it.
 */
export class SqliteTree {
  readonly #statements: StatementCache;

  constructor(statements: StatementCache) {
    this.#statements = statements;
  }

  size(tenantId: string): number {
    const row = this.#statements
      .get<{ size: number }>('SELECT size FROM merkle_trees WHERE tenant_id = ?')
      .get(tenantId);
    return row?.size ?? 0;
  }

  node(tenantId: string, node: NodeId, runs?: Map<number, Run[]>): Uint8Array | null {
    // Runs read earlier in the same call serve the nodes beside them (proofs of a page share
    // most of theirs), so a run of a thousand hashes is read once, not per node.
    const known = runs
      ?.get(node.level)
      ?.find(
        (run) =>
          run.first_idx <= node.index &&
          node.index < run.first_idx + run.hashes.length / HASH_BYTES,
      );
    const run =
      known ??
      this.#statements
        .get<Run>(
          `SELECT first_idx, hashes FROM merkle_runs
           WHERE tenant_id = ? AND level = ? AND first_idx <= ?
           ORDER BY first_idx DESC LIMIT 1`,
        )
        .get(tenantId, node.level, node.index);
    if (!run) return null;
    if (!known && runs) runs.set(node.level, [...(runs.get(node.level) ?? []), run]);
    const at = (node.index - run.first_idx) * HASH_BYTES;
    return at + HASH_BYTES <= run.hashes.length ? run.hashes.subarray(at, at + HASH_BYTES) : null;
  }

  /** Appends leaves (canonical leaf JSON) at the end; call inside the write transaction. */
  append(tenantId: string, entries: readonly string[]): void {
    if (entries.length === 0) return;
    const size = this.size(tenantId);
    const nodes = appendLeaves(nodeSha256, size, entries, (node) => this.node(tenantId, node));
    // appendLeaves answers each level's new nodes in index order: gather them into runs.
    const runs = new Map<number, { first: number; hashes: Uint8Array[] }>();
    for (const node of nodes) {
      const run = runs.get(node.level);
      if (run) run.hashes.push(node.hash);
      else runs.set(node.level, { first: node.index, hashes: [node.hash] });
    }
    const insert = this.#statements.get(
      'INSERT INTO merkle_runs (tenant_id, level, first_idx, hashes) VALUES (?, ?, ?, ?)',
    );
    for (const [level, run] of runs) {
      insert.run(tenantId, level, run.first, Buffer.concat(run.hashes));
    }
    this.#statements
      .get(
        `INSERT INTO merkle_trees (tenant_id, size) VALUES (?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET size = excluded.size`,
      )
      .run(tenantId, size + entries.length);
  }

  nodes(tenantId: string, wanted: readonly NodeId[]): Map<string, Uint8Array> {
    const found = new Map<string, Uint8Array>();
    const runs = new Map<number, Run[]>();
    for (const node of wanted) {
      const hash = this.node(tenantId, node, runs);
      if (hash) found.set(nodeKey(node), hash);
    }
    return found;
  }
}
