import type { AuditLogEvent } from '../../contract/schemas/index.js';
import { fromHex, toHex } from '../../contract/encoding.js';
import { canonicalLeafJson } from '../../contract/leaf.js';

// RFC 6962 / RFC 9162 checks through Web Crypto (globalThis.crypto), so they run unchanged
// in browsers, workers and Node.

const encoder = new TextEncoder();

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export function digestHex(bytes: Uint8Array): Promise<string> {
  return sha256(bytes).then(toHex);
}

/** The leaf hash of an event as this client received it: SHA-256(0x00 ‖ RFC 8785 JSON). */
export function eventLeafHash(event: AuditLogEvent): Promise<Uint8Array> {
  return sha256(Uint8Array.of(0), encoder.encode(canonicalLeafJson(event)));
}

const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(1), left, right);

/**
 * RFC 9162's climb up a proof path, shared by inclusion (§2.1.3.2) and consistency
 * (§2.1.4.2) checks: `fn` is the node's index, `sn` the last index at its level. Each path
 * node is handed to `join` with whether it is the left sibling; true if the path ends at the
 * root, neither short of it nor past it.
 */
async function climb<T>(
  fn: number,
  sn: number,
  path: readonly T[],
  join: (node: T, left: boolean) => Promise<void>,
): Promise<boolean> {
  for (const node of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      await join(node, true);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      await join(node, false);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0;
}

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null if it cannot fit. */
export async function rootFromInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  path: readonly string[],
): Promise<string | null> {
  if (leafIndex >= treeSize) return null;
  let r = leaf;
  const reached = await climb(leafIndex, treeSize - 1, path, async (hex, left) => {
    const p = fromHex(hex);
    r = left ? await nodeHash(p, r) : await nodeHash(r, p);
  });
  return reached ? toHex(r) : null;
}

/**
 * Whether `proof` shows the tree of `first` leaves (root `firstRoot`) is a prefix of the one
 * of `second` leaves (RFC 9162 §2.1.4.2).
 */
export async function consistencyHolds(
  first: number,
  second: number,
  firstRoot: string,
  secondRoot: string,
  proof: readonly string[],
): Promise<boolean> {
  if (first > second || first < 1) return false;
  if (first === second) return proof.length === 0 && firstRoot === secondRoot;
  const path = proof.map(fromHex);
  // A first tree that is a complete subtree is its own first proof node.
  if ((first & (first - 1)) === 0) path.unshift(fromHex(firstRoot));
  if (path.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  const reached = await climb(fn, sn, path.slice(1), async (c, left) => {
    if (left) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
    } else {
      sr = await nodeHash(sr, c);
    }
  });
  return reached && toHex(fr) === firstRoot && toHex(sr) === secondRoot;
}

/** The RFC 6962 root of leaves 0..n-1, for checking a file that holds a whole log. */
export async function rootOfLeaves(leaves: readonly Uint8Array[]): Promise<string> {
  if (leaves.length === 0) return toHex(await sha256());
  let level = [...leaves];
  // Bottom-up pairing: an odd node out is promoted as is, which is RFC 6962's shape.
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(await nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level.at(-1)!);
    level = next;
  }
  return toHex(level[0]!);
}
