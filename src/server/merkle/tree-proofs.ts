import { nodeHash, type Sha256 } from './tree-hash.js';
import {
  consistencyRanges,
  inclusionRanges,
  nodeKey,
  rangeNodes,
  type LeafRange,
  type NodeId,
} from './tree-math.js';

/** Reads stored complete subtrees; missing ones are absent from the answer. */
export type NodeReader = (
  nodes: readonly NodeId[],
) => ReadonlyMap<string, Uint8Array> | Promise<ReadonlyMap<string, Uint8Array>>;

export class MissingNodeError extends Error {
  override name = 'MissingNodeError' as const;
}

/**
 * Roots and proofs of a tenant's log at any size it has had, folded from stored complete
 * subtrees: one read of O(log n) nodes per call, however many ranges it needs.
 */
export class TreeProofs {
  readonly #sha: Sha256;
  readonly #read: NodeReader;

  constructor(sha: Sha256, read: NodeReader) {
    this.#sha = sha;
    this.#read = read;
  }

  /** The RFC 6962 hash of each range; throws `MissingNodeError` if the stored tree lacks a part. */
  async rangeHashes(ranges: readonly LeafRange[]): Promise<Uint8Array[]> {
    const plans = ranges.map((range) => rangeNodes(range));
    const wanted = new Map<string, NodeId>();
    for (const node of plans.flat()) wanted.set(nodeKey(node), node);
    const stored = await this.#read([...wanted.values()]);
    return plans.map((plan) => {
      const hashes = plan.map((node) => {
        const hash = stored.get(nodeKey(node));
        if (!hash) throw new MissingNodeError(`The stored tree lacks node ${nodeKey(node)}`);
        return hash;
      });
      // The right fold of the range's complete subtrees is its hash (see rangeNodes).
      return hashes.reduceRight((right, left) => nodeHash(this.#sha, left, right));
    });
  }

  async root(size: number): Promise<Uint8Array> {
    if (size === 0) return this.#sha([]);
    const [root] = await this.rangeHashes([[0, size]]);
    return root!;
  }

  /** Inclusion proofs for several leaves at one size, from one read. */
  async inclusion(leafIndexes: readonly number[], size: number): Promise<Uint8Array[][]> {
    const paths = leafIndexes.map((index) => inclusionRanges(index, size));
    const hashes = await this.rangeHashes(paths.flat());
    let at = 0;
    return paths.map((path) => {
      const proof = hashes.slice(at, at + path.length);
      at += path.length;
      return proof;
    });
  }

  consistency(first: number, second: number): Promise<Uint8Array[]> {
    return this.rangeHashes(consistencyRanges(first, second));
  }
}
