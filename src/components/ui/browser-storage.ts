/**
 * The browser's `localStorage`, or undefined where there is none (a server render) or where
 * reading it throws (storage blocked by privacy settings or a sandboxed frame).
 */
export function browserStorage(): Storage | undefined {
  try {
    return typeof globalThis.localStorage === 'undefined' ? undefined : globalThis.localStorage;
  } catch {
    return undefined;
  }
}
