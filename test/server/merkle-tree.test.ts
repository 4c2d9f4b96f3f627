import { describe, expect, it } from 'vitest';
import { appendLeaves } from '../../src/server/merkle/tree-append.js';
import { portableSha256 } from '../../src/server/merkle/tree-hash.js';
import { nodeKey } from '../../src/server/merkle/tree-math.js';
import { TreeProofs } from '../../src/server/merkle/tree-proofs.js';
import {
  hex,
  RFC6962_LEAVES,
  RFC6962_ROOTS,
  rfcConsistency,
  rfcLeafHash,
  rfcPath,
  rfcRoot,
} from '../support/rfc6962.js';

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** A tree grown the way the stores grow theirs, with every stored node kept in a map. */
function grow(entries: readonly string[], batch: number) {
  const nodes = new Map<string, Uint8Array>();
  for (let at = 0; at < entries.length; at += batch) {
    const added = appendLeaves(
      portableSha256,
      at,
      entries.slice(at, at + batch),
      (node) => nodes.get(nodeKey(node)) ?? null,
    );
    for (const node of added) nodes.set(nodeKey(node), node.hash);
  }
  return { nodes, proofs: new TreeProofs(portableSha256, () => nodes) };
}

describe('the stored Merkle tree (RFC 6962)', () => {
  it("agrees with the independent implementation's roots for RFC 6962's reference tree", () => {
    // The reference entries are raw bytes; leaves here are UTF-8 text, so only the
    // independent implementation can take them: it must reproduce the published roots.
    const leaves = RFC6962_LEAVES.map(rfcLeafHash);
    for (let size = 0; size <= leaves.length; size++) {
      expect(hex(rfcRoot(leaves.slice(0, size))), `size ${size}`).toBe(RFC6962_ROOTS[size]);
    }
  });

  it('reproduces the published roots when its leaves are the reference entries', async () => {
    // Entries below 0x80 are the same bytes in UTF-8, so they can pass as text.
    const ascii = RFC6962_LEAVES.map(latin1);
    expect(RFC6962_LEAVES.every((bytes) => bytes.every((byte) => byte < 0x80))).toBe(true);
    const { proofs } = grow(ascii, 3);
    for (let size = 0; size <= ascii.length; size++) {
      expect(hex(await proofs.root(size)), `size ${size}`).toBe(RFC6962_ROOTS[size]);
    }
  });

  it('answers the same roots and proofs as the RFC, for every size and every leaf', async () => {
    const entries = Array.from({ length: 37 }, (_, i) => `entry ${i} ✓`);
    const leaves = entries.map((text) => rfcLeafHash(new TextEncoder().encode(text)));
    for (const batch of [1, 5, 16]) {
      const { proofs } = grow(entries, batch);
      for (let size = 1; size <= entries.length; size++) {
        expect(hex(await proofs.root(size))).toBe(hex(rfcRoot(leaves.slice(0, size))));
        const indexes = Array.from({ length: size }, (_, i) => i);
        const paths = await proofs.inclusion(indexes, size);
        paths.forEach((path, m) => {
          expect(path.map(hex), `leaf ${m} of ${size}`).toEqual(
            rfcPath(m, leaves.slice(0, size)).map(hex),
          );
        });
        for (let first = 1; first <= size; first++) {
          expect((await proofs.consistency(first, size)).map(hex)).toEqual(
            rfcConsistency(first, leaves.slice(0, size)).map(hex),
          );
        }
      }
    }
  });

  it('stores about two nodes per leaf and reads only O(log n) of them for a proof', async () => {
    const entries = Array.from({ length: 1000 }, (_, i) => `e${i}`);
    const { nodes } = grow(entries, 100);
    expect(nodes.size).toBeLessThan(2 * entries.length);
    let reads = 0;
    const proofs = new TreeProofs(portableSha256, (wanted) => {
      reads += wanted.length;
      return nodes;
    });
    await proofs.inclusion([617], 1000);
    expect(reads).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(1000)));
  });
});
