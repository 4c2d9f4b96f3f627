import { leafHash, nodeHash, type Sha256 } from './tree-hash.js';
import { nodeKey, type NodeId } from './tree-math.js';

export interface StoredNode extends NodeId {
  hash: Uint8Array;
}

/**
 * The nodes to store when `entries` (canonical leaf JSON) join a tree of `size` leaves: each
 * leaf, and every subtree it completes. About two nodes per leaf; reads only the right edge
 * of the existing tree (`read`), at most one node per level.
 */
export function appendLeaves(
  sha: Sha256,
  size: number,
  entries: readonly string[],
  read: (node: NodeId) => Uint8Array | null,
): StoredNode[] {
  const written = new Map<string, Uint8Array>();
  const out: StoredNode[] = [];
  const put = (node: StoredNode) => {
    written.set(nodeKey(node), node.hash);
    out.push(node);
  };
  entries.forEach((entry, offset) => {
    let index = size + offset;
    let level = 0;
    let hash = leafHash(sha, entry);
    put({ level, index, hash });
    while (index % 2 === 1) {
      const sibling = { level, index: index - 1 };
      const left = written.get(nodeKey(sibling)) ?? read(sibling);
      if (!left) throw new Error(`The stored tree lacks node ${nodeKey(sibling)}`);
      hash = nodeHash(sha, left, hash);
      index = (index - 1) / 2;
      level += 1;
      put({ level, index, hash });
    }
  });
  return out;
}
