import { signedPart, type Jwks } from '../../contract/schemas/index.js';
import { fromBase64Url } from '../../contract/encoding.js';
import { canonicalJson } from '../../contract/leaf.js';

const ED25519 = { name: 'Ed25519' } as const;

/**
 * Whether `document.signature` is an Ed25519 signature, by the JWKS key `keyId`, over the
 * RFC 8785 JSON of the document's other fields. An unknown key is a failed check.
 */
export async function signatureValid(
  jwks: Jwks,
  keyId: string,
  document: { signature: string },
): Promise<boolean> {
  const jwk = jwks.keys.find((key) => key.kid === keyId);
  if (!jwk) return false;
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
      ED25519,
      false,
      ['verify'],
    );
    const bytes = new TextEncoder().encode(canonicalJson(signedPart(document)));
    return await crypto.subtle.verify(
      ED25519,
      key,
      fromBase64Url(document.signature) as Uint8Array<ArrayBuffer>,
      bytes,
    );
  } catch {
    // A malformed key or signature proves nothing.
    return false;
  }
}
