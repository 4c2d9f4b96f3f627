import { DEMO_API_KEYS, DEMO_PASSWORD } from '../../src/server/seed.js';

// A signed JWT: three base64url parts, the first a JSON header ("{" encodes as "eyJ").
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
// API keys the server makes: `alk_` and 32 random bytes in base64url.
const API_KEY = /alk_[\w-]{40,}/g;
const KNOWN = [DEMO_PASSWORD, ...Object.values(DEMO_API_KEYS)];

/** The secrets in `text`: the demo password and API keys, and anything shaped like a token. */
export function findSecrets(text: string): string[] {
  return [
    ...KNOWN.filter((secret) => text.includes(secret)),
    ...(text.match(JWT) ?? []),
    ...(text.match(API_KEY) ?? []),
  ];
}
