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

/**
 * A UUID v7 (RFC 9562): the creation millisecond, then 74 random bits. Ids made one after
 * another sort together, so a store's index of event ids grows at its end instead of
 * rewriting pages all over it on every batch; the time it shows is the event's `created_at`.
 */
export function newTimeOrderedId(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
