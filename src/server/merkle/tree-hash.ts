import { sha256 } from '@noble/hashes/sha2.js';

/**
 * SHA-256 over the concatenation of `parts` (strings as UTF-8), synchronously: stores extend
 * the tree inside their write transaction, where Web Crypto's promises cannot wait.
 */
export type Sha256 = (parts: readonly (Uint8Array | string)[]) => Uint8Array;

const encoder = new TextEncoder();
const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

/** Pure JavaScript, for the browser-safe parts of the server (memory store, routes). */
export const portableSha256: Sha256 = (parts) => {
  const hash = sha256.create();
  for (const part of parts) hash.update(typeof part === 'string' ? encoder.encode(part) : part);
  return hash.digest();
};

/** RFC 6962: a leaf is SHA-256(0x00 ‖ entry). */
export function leafHash(sha: Sha256, entry: Uint8Array | string): Uint8Array {
  return sha([LEAF_PREFIX, entry]);
}

/** RFC 6962: an interior node is SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(sha: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha([NODE_PREFIX, left, right]);
}
