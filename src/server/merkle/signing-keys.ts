import { calculateJwkThumbprint } from 'jose';
import { type Jwks, type SigningJwk } from '../../contract/schemas/index.js';
import { canonicalJson } from '../../contract/leaf.js';
import { toBase64Url } from '../auth/crypto-utils.js';
import type { AuditStore } from '../store/types.js';

/** Where the store keeps the signing keys: every key ever used, the current one last. */
const KEYS_META_KEY = 'tree_signing_keys';
const ED25519 = { name: 'Ed25519' } as const;

interface KeptKey {
  kid: string;
  x: string;
  /** Absent for a key given in the options: a configured secret is not copied into the store. */
  private_jwk?: JsonWebKey;
  created_at: string;
}

/** Signs tree heads and export manifests; `jwks` holds every key that ever signed. */
export interface TreeSigner {
  keyId: string;
  jwks: Jwks;
  /** Ed25519 over the RFC 8785 JSON of `document`, base64url. */
  sign(document: unknown): Promise<string>;
}

async function keyIdOf(x: string): Promise<string> {
  return calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x });
}

async function readKept(store: AuditStore): Promise<KeptKey[]> {
  const text = await store.getMeta(KEYS_META_KEY);
  return text ? (JSON.parse(text) as KeptKey[]) : [];
}

async function generatedKey(nowIso: string): Promise<KeptKey> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const x = privateJwk.x!;
  return { kid: await keyIdOf(x), x, private_jwk: privateJwk, created_at: nowIso };
}

/**
 * Adds a new signing key and makes it current; earlier keys stay in the JWKS so what they
 * signed still verifies. A running server picks the new key up when it next starts.
 */
export async function rotateTreeSigningKey(store: AuditStore, nowIso: string): Promise<string> {
  const kept = await readKept(store);
  const key = await generatedKey(nowIso);
  await store.setMeta(KEYS_META_KEY, JSON.stringify([...kept, key]));
  return key.kid;
}

/**
 * The server's signer: the configured private key (an Ed25519 JWK) if any, else the current
 * key kept in the store, made at first start. A configured key joins the kept list (public
 * part only), so switching keys by configuration keeps the old ones in the JWKS too.
 */
export async function loadTreeSigner(
  store: AuditStore,
  configured: JsonWebKey | undefined,
  nowIso: string,
): Promise<TreeSigner> {
  const kept = await readKept(store);
  let current: KeptKey | undefined;
  if (configured) {
    if (configured.crv !== 'Ed25519' || !configured.x || !configured.d) {
      throw new TypeError('The tree signing key must be a private Ed25519 JWK (crv, x and d)');
    }
    const kid = await keyIdOf(configured.x);
    current = { kid, x: configured.x, private_jwk: configured, created_at: nowIso };
    if (!kept.some((key) => key.kid === kid)) {
      kept.push({ kid, x: configured.x, created_at: nowIso });
      await store.setMeta(KEYS_META_KEY, JSON.stringify(kept));
    }
  } else {
    current = kept.findLast((key) => key.private_jwk !== undefined);
    if (!current) {
      current = await generatedKey(nowIso);
      kept.push(current);
      await store.setMeta(KEYS_META_KEY, JSON.stringify(kept));
    }
  }
  const privateKey = await crypto.subtle.importKey('jwk', current.private_jwk!, ED25519, false, [
    'sign',
  ]);
  const keys: SigningJwk[] = kept.map((key) => ({
    kty: 'OKP',
    crv: 'Ed25519',
    x: key.x,
    kid: key.kid,
    alg: 'EdDSA',
    use: 'sig',
  }));
  const encoder = new TextEncoder();
  return {
    keyId: current.kid,
    jwks: { keys },
    async sign(document) {
      const bytes = encoder.encode(canonicalJson(document));
      return toBase64Url(new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, bytes)));
    },
  };
}
