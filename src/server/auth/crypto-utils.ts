// Web Crypto only (globalThis.crypto), so the reference API runs in browsers, workers and Node alike.
import { toBase64Url, toHex } from '../../contract/encoding.js';

export { fromBase64Url, toBase64Url, toHex } from '../../contract/encoding.js';

const encoder = new TextEncoder();

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** A URL-safe random secret of `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return toBase64Url(randomBytes(bytes));
}

export async function sha256Hex(text: string): Promise<string> {
  return sha256HexOfBytes(encoder.encode(text));
}

export async function sha256HexOfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** The SHA-256 of `prefix` (as UTF-8) followed by `bytes`, without turning `bytes` into text. */
export async function sha256HexWithPrefix(
  prefix: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const head = encoder.encode(prefix);
  const whole = new Uint8Array(head.length + bytes.length);
  whole.set(head);
  whole.set(bytes, head.length);
  return sha256HexOfBytes(whole);
}

/** Compares without an early exit, so timing does not tell how much of a secret matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export { newId } from '../../contract/ids.js';

/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Random bytes drawn in bulk: a batch of 1000 events made one call per id, 3 % of ingest. */
const randomPool = new Uint8Array(4096);
let poolAt = randomPool.length;

/**
 * A UUID v7 (RFC 9562): the creation millisecond, then 74 random bits. Ids made one after
 * another sort together, so a store's index of event ids grows at its end instead of
 * rewriting pages all over it on every batch; the time it shows is the event's `created_at`.
 */
export function newTimeOrderedId(now = Date.now()): string {
  if (poolAt + 10 > randomPool.length) {
    crypto.getRandomValues(randomPool);
    poolAt = 0;
  }
  const r = poolAt;
  poolAt += 10;
  const time: string[] = [];
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    time[i] = HEX[ms % 256]!;
    ms = Math.floor(ms / 256);
  }
  const hex = (offset: number) => HEX[randomPool[r + offset]!]!;
  const version = HEX[(randomPool[r]! & 0x0f) | 0x70]!;
  const variant = HEX[(randomPool[r + 2]! & 0x3f) | 0x80]!;
  return (
    `${time[0]}${time[1]}${time[2]}${time[3]}-${time[4]}${time[5]}-${version}${hex(1)}-` +
    `${variant}${hex(3)}-${hex(4)}${hex(5)}${hex(6)}${hex(7)}${hex(8)}${hex(9)}`
  );
}
