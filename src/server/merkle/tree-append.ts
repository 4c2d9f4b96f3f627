import { leafHash, nodeHash, type Sha256 } from './tree-hash.js';
import { nodeKey, type NodeId } from './tree-math.js';

export interface StoredNode extends NodeId {
  hash: Uint8Array;
}

/**
 * The nodes to store when `entries` (canonical leaf JSON) join a tree of `size` leaves: each
 * leaf, and every subtree it completes, each level's in index order. About two nodes per
 * leaf; reads only the right edge of the existing tree (`read`), at most one node per level.
 */
export function appendLeaves(
  sha: Sha256,
  size: number,
  entries: readonly string[],
  read: (node: NodeId) => Uint8Array | null,
): StoredNode[] {
  // A left sibling is the node made last at its level, or (before any) one already stored.
  const lastAt: (StoredNode | undefined)[] = [];
  const out: StoredNode[] = [];
  entries.forEach((entry, offset) => {
    let node: StoredNode = { level: 0, index: size + offset, hash: leafHash(sha, entry) };
    while (node.index % 2 === 1) {
      const sibling = { level: node.level, index: node.index - 1 };
      const made = lastAt[node.level];
      const left = made?.index === sibling.index ? made.hash : read(sibling);
      if (!left) throw new Error(`The stored tree lacks node ${nodeKey(sibling)}`);
      out.push(node);
      lastAt[node.level] = node;
      node = {
        level: node.level + 1,
        index: (node.index - 1) / 2,
        hash: nodeHash(sha, left, node.hash),
      };
    }
    out.push(node);
    lastAt[node.level] = node;
  });
  return out;
}
