import { constantTimeEqual, fromBase64Url, randomBytes, toBase64Url } from './crypto-utils.js';

// PBKDF2-SHA256 through Web Crypto: a slow KDF available natively in every runtime the
// reference API targets, with no native addon. The iteration count is stored in each hash,
// so a server can raise it later and old hashes still verify.
const ALGORITHM = 'pbkdf2-sha256';
/** OWASP's 2023 recommendation for PBKDF2-SHA256. */
export const DEFAULT_PASSWORD_ITERATIONS = 600_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** `pbkdf2-sha256$<iterations>$<salt>$<hash>`, both parts base64url. */
export async function hashPassword(
  password: string,
  iterations = DEFAULT_PASSWORD_ITERATIONS,
): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, iterations);
  return `${ALGORITHM}$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, iterationText, saltText, hashText] = stored.split('$');
  const iterations = Number(iterationText);
  if (algorithm !== ALGORITHM || !Number.isInteger(iterations) || !saltText || !hashText) {
    return false;
  }
  const expected = fromBase64Url(hashText);
  const actual = await derive(password, fromBase64Url(saltText), iterations);
  return constantTimeEqual(actual, expected);
}

/**
 * A hash to verify against when the username is unknown, so a failed login takes as long
 * whether or not the user exists.
 */
export function dummyPasswordHash(iterations: number): Promise<string> {
  return hashPassword('not-a-real-password', iterations);
}
