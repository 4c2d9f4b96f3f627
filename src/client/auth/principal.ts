/**
 * Who a request acts as: the tenant plus the user (the access token's subject) or the API
 * key (a SHA-256 fingerprint of it, never the key). Anything kept in the browser for later
 * (the durable queue) is filed under this and sent only while it is still who is signed in.
 */
export interface Principal {
  tenantId: string;
  /** `user:<user id>` or `key:<fingerprint>`. */
  id: string;
}

export function samePrincipal(a: Principal | null, b: Principal | null): boolean {
  return a !== null && b !== null && a.tenantId === b.tenantId && a.id === b.id;
}

/**
 * The subject (`sub`) and tenant (`tid`) of a JWT access token, read without checking the
 * signature: the server checks it on every request; here it only names whose records are whose.
 */
export function tokenClaims(token: string): { sub: string; tid: string | undefined } | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { sub?: unknown; tid?: unknown };
    if (typeof claims?.sub !== 'string' || claims.sub === '') return null;
    return { sub: claims.sub, tid: typeof claims.tid === 'string' ? claims.tid : undefined };
  } catch {
    return null;
  }
}

/**
 * A one-way name for an API key: the first 32 hex digits of its SHA-256. Web Crypto exists
 * only in secure contexts (https, localhost); elsewhere this fails with a TypeError.
 */
export async function apiKeyFingerprint(key: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest).slice(0, 16)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}
