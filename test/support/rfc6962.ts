import { createHash } from 'node:crypto';

// A second implementation of RFC 6962 §2.1, written from the RFC's recursive definitions
// and independent of the production code, which must agree with it.

const sha = (...parts: Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

export const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
export const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

export const rfcLeafHash = (entry: Uint8Array) => sha(Uint8Array.of(0), entry);

const k = (n: number) => 2 ** Math.floor(Math.log2(n - 1));

/** MTH(D[n]) over leaf hashes. */
export function rfcRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return leaves[0]!;
  const split = k(leaves.length);
  return sha(Uint8Array.of(1), rfcRoot(leaves.slice(0, split)), rfcRoot(leaves.slice(split)));
}

/** PATH(m, D[n]). */
export function rfcPath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  const split = k(leaves.length);
  return m < split
    ? [...rfcPath(m, leaves.slice(0, split)), rfcRoot(leaves.slice(split))]
    : [...rfcPath(m - split, leaves.slice(split)), rfcRoot(leaves.slice(0, split))];
}

/** PROOF(m, D[n]). */
export function rfcConsistency(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  const sub = (m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] => {
    if (m === d.length) return b ? [] : [rfcRoot(d)];
    const split = k(d.length);
    return m <= split
      ? [...sub(m, d.slice(0, split), b), rfcRoot(d.slice(split))]
      : [...sub(m - split, d.slice(split), false), rfcRoot(d.slice(0, split))];
  };
  return sub(m, leaves, true);
}

/** The leaves and roots of RFC 6962's reference tree (Certificate Transparency's test data). */
export const RFC6962_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);

export const RFC6962_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null if it cannot fit. */
export function rfcRootFromPath(
  leafIndex: number,
  size: number,
  leaf: Uint8Array,
  path: readonly Uint8Array[],
): Uint8Array | null {
  if (leafIndex >= size) return null;
  let fn = leafIndex;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = sha(Uint8Array.of(1), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = sha(Uint8Array.of(1), r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
