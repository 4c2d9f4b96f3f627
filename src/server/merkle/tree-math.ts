// Where the pieces of an RFC 6962 tree live. A stored node is a complete subtree: node
// (level, index) covers leaves [index·2^level, (index+1)·2^level). Complete subtrees never
// change once their last leaf is in, so any tree size's root and proofs are folded from a
// few of them (O(log n)) without touching the leaves' rows.

export interface NodeId {
  level: number;
  index: number;
}

/** A range of leaves [start, end) whose RFC 6962 hash a proof carries. */
export type LeafRange = readonly [start: number, end: number];

export function nodeKey(node: NodeId): string {
  return `${node.level}:${node.index}`;
}

/** The largest power of two below `n` (n ≥ 2): RFC 6962's split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees that make up [start, end), left to right. For the ranges of
 * RFC 6962's recursion this is its own split, so their right fold is the range's hash.
 */
export function rangeNodes([start, end]: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level += 1;
    nodes.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return nodes;
}

/** RFC 6962 PATH(m, D[0:size]) as ranges, from the leaf upwards. */
export function inclusionRanges(leafIndex: number, size: number): LeafRange[] {
  const walk = (start: number, end: number): LeafRange[] => {
    if (end - start <= 1) return [];
    const k = splitPoint(end - start);
    return leafIndex < start + k
      ? [...walk(start, start + k), [start + k, end]]
      : [...walk(start + k, end), [start, start + k]];
  };
  return walk(0, size);
}

/** RFC 6962 PROOF(first, D[0:second]) as ranges, in the order the proof lists them. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  const sub = (m: number, start: number, end: number, complete: boolean): LeafRange[] => {
    const n = end - start;
    if (m === n) return complete ? [] : [[start, end]];
    const k = splitPoint(n);
    return m <= k
      ? [...sub(m, start, start + k, complete), [start + k, end]]
      : [...sub(m - k, start + k, end, false), [start, start + k]];
  };
  return sub(first, 0, second, true);
}
