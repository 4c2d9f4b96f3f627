import { describe, expect, it } from 'vitest';
import { createAuditLogApp } from '../../src/server/app.js';
import { loadTreeSigner, rotateTreeSigningKey } from '../../src/server/merkle/signing-keys.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import { privateSigningJwk } from '../support/signing-key.js';

const NOW = '2026-03-10T12:00:00.000Z';

async function publicKeys(store: MemoryStore, treeSigningKey?: JsonWebKey) {
  const app = createAuditLogApp({ store, ...(treeSigningKey ? { treeSigningKey } : {}) });
  const answer = await app.request('/api/v1/audit/public-keys');
  return ((await answer.json()) as { keys: { kid: string; d?: string }[] }).keys;
}

describe('tree signing keys', () => {
  it('makes a key at first start and keeps it across restarts', async () => {
    const store = new MemoryStore();
    const first = await loadTreeSigner(store, undefined, NOW);
    const again = await loadTreeSigner(store, undefined, NOW);
    expect(again.keyId).toBe(first.keyId);
    expect((await publicKeys(store)).map((key) => key.kid)).toEqual([first.keyId]);
  });

  it('rotates to a new key and keeps the old ones in the JWKS', async () => {
    const store = new MemoryStore();
    const first = await loadTreeSigner(store, undefined, NOW);
    const rotated = await rotateTreeSigningKey(store, NOW);
    const signer = await loadTreeSigner(store, undefined, NOW);
    expect(signer.keyId).toBe(rotated);
    expect(signer.jwks.keys.map((key) => key.kid)).toEqual([first.keyId, rotated]);
  });

  it('signs with a configured key, lists it beside earlier ones, and never stores it', async () => {
    const store = new MemoryStore();
    const made = await loadTreeSigner(store, undefined, NOW);
    const configured = await privateSigningJwk();
    const signer = await loadTreeSigner(store, configured, NOW);
    expect(signer.keyId).not.toBe(made.keyId);
    const keys = await publicKeys(store, configured);
    expect(keys.map((key) => key.kid)).toEqual([made.keyId, signer.keyId]);
    expect(keys.every((key) => key.d === undefined)).toBe(true);
    expect(store.getMeta('tree_signing_keys')).not.toContain(configured.d!);
  });

  it('refuses a configured key that is not a private Ed25519 JWK', async () => {
    const publicOnly = await privateSigningJwk();
    delete publicOnly.d;
    await expect(loadTreeSigner(new MemoryStore(), publicOnly, NOW)).rejects.toThrow(/Ed25519/);
  });
});
