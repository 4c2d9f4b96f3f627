/** A fresh private Ed25519 key as a JWK, as `treeSigningKey` takes it. */
export async function privateSigningJwk(): Promise<JsonWebKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return crypto.subtle.exportKey('jwk', pair.privateKey);
}
