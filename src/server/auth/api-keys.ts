import { randomToken, sha256Hex } from './crypto-utils.js';

const KEY_PREFIX = 'alk';

export interface GeneratedApiKey {
  /** The full key, shown once. */
  key: string;
  /** Enough of the key to recognise it in a list, not enough to use it. */
  keyPrefix: string;
  keyHash: string;
}

export async function generateApiKey(): Promise<GeneratedApiKey> {
  const key = `${KEY_PREFIX}_${randomToken(32)}`;
  return { key, keyPrefix: key.slice(0, KEY_PREFIX.length + 1 + 8), keyHash: await sha256Hex(key) };
}

export function hashApiKey(key: string): Promise<string> {
  return sha256Hex(key);
}
