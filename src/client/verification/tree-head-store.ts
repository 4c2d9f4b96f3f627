import { safeParse, TreeHeadSchema, type TreeHead } from '../../contract/schemas/index.js';

/**
 * Where a verifier keeps the last tree head it accepted per server and tenant, so a log
 * rewritten or rolled back since the last visit is noticed on the next one.
 */
export interface TreeHeadStore {
  get(key: string): TreeHead | null;
  set(key: string, head: TreeHead): void;
}

export function memoryTreeHeadStore(): TreeHeadStore {
  const heads = new Map<string, TreeHead>();
  return {
    get: (key) => heads.get(key) ?? null,
    set: (key, head) => void heads.set(key, head),
  };
}

const PREFIX = 'audit-log-sdk:tree-head:';

/** Kept in `localStorage` (or the `Storage` given); a browser without it keeps nothing. */
export function localStorageTreeHeadStore(storage?: Storage): TreeHeadStore {
  const target = (): Storage | null => {
    try {
      return storage ?? globalThis.localStorage ?? null;
    } catch {
      // Storage access throws where the browser blocks it (sandboxed frames, privacy modes).
      return null;
    }
  };
  return {
    get(key) {
      try {
        const text = target()?.getItem(PREFIX + key);
        if (!text) return null;
        const parsed = safeParse(TreeHeadSchema, JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    set(key, head) {
      try {
        target()?.setItem(PREFIX + key, JSON.stringify(head));
      } catch {
        // A full or blocked storage loses the memory of this head, nothing else.
      }
    },
  };
}
