import { createHash } from 'node:crypto';
import { appendLeaves } from '../../src/server/merkle/tree-append.js';
import type { Sha256 } from '../../src/server/merkle/tree-hash.js';
import { nodeKey, type NodeId } from '../../src/server/merkle/tree-math.js';
import type { StatementCache } from './sqlite-statement-cache.js';

/** Node's native SHA-256: the tree grows inside the (synchronous) write transaction. */
export const nodeSha256: Sha256 = (parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/**
 * A tenant's RFC 6962 log in the tables `merkle_trees` (size per tenant) and `merkle_nodes`
 * (complete subtrees), kept apart from the event rows so editing or deleting a row leaves
 * the tree, and every other event's proof, as they were.
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

  /** Appends leaves (canonical leaf JSON) at the end; call inside the write transaction. */
  append(tenantId: string, entries: readonly string[]): void {
    if (entries.length === 0) return;
    const size = this.size(tenantId);
    const readNode = this.#statements.get<{ hash: Uint8Array }>(
      'SELECT hash FROM merkle_nodes WHERE tenant_id = ? AND level = ? AND idx = ?',
    );
    const nodes = appendLeaves(
      nodeSha256,
      size,
      entries,
      (node) => readNode.get(tenantId, node.level, node.index)?.hash ?? null,
    );
    const insert = this.#statements.get(
      'INSERT INTO merkle_nodes (tenant_id, level, idx, hash) VALUES (?, ?, ?, ?)',
    );
    for (const node of nodes) insert.run(tenantId, node.level, node.index, node.hash);
    this.#statements
      .get(
        `INSERT INTO merkle_trees (tenant_id, size) VALUES (?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET size = excluded.size`,
      )
      .run(tenantId, size + entries.length);
  }

  nodes(tenantId: string, wanted: readonly NodeId[]): Map<string, Uint8Array> {
    const found = new Map<string, Uint8Array>();
    if (wanted.length === 0) return found;
    const rows = this.#statements
      .get<{ level: number; idx: number; hash: Uint8Array }>(
        `SELECT level, idx, hash FROM merkle_nodes
         WHERE tenant_id = ? AND (level, idx) IN
           (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
      )
      .all(tenantId, JSON.stringify(wanted.map((node) => [node.level, node.index])));
    for (const row of rows) found.set(nodeKey({ level: row.level, index: row.idx }), row.hash);
    return found;
  }
}
