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

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null if it cannot fit. */
export async function rootFromInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Uint8Array,
  path: readonly string[],
): Promise<string | null> {
  if (leafIndex >= treeSize) return null;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const hex of path) {
    if (sn === 0) return null;
    const p = fromHex(hex);
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? toHex(r) : null;
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
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && toHex(fr) === firstRoot && toHex(sr) === secondRoot;
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
