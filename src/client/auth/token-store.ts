/** What a signed-in client keeps between requests. */
export interface StoredTokens {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds when the access token expires, when the server said. */
  expiresAt: number | null;
}

/** Where a client keeps its tokens. Synchronous so reading a token never adds a tick. */
export interface TokenStore {
  get(): StoredTokens | null;
  set(tokens: StoredTokens): void;
  clear(): void;
}

/** Tokens in memory only: gone on reload, invisible to other tabs. The default. */
export function memoryTokenStore(): TokenStore {
  let tokens: StoredTokens | null = null;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
    clear: () => {
      tokens = null;
    },
  };
}

function isStoredTokens(value: unknown): value is StoredTokens {
  const v = value as Partial<StoredTokens> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.accessToken === 'string' &&
    (v.refreshToken === null || typeof v.refreshToken === 'string') &&
    (v.expiresAt === null || typeof v.expiresAt === 'number')
  );
}

/**
 * Tokens in `sessionStorage`: they survive a reload of the tab, not the tab's closing.
 * Where there is no `sessionStorage` (server rendering, some workers) it keeps them in
 * memory instead, so the same client code runs everywhere.
 */
export function sessionStorageTokenStore(key = 'audit-log-sdk:session'): TokenStore {
  const fallback = memoryTokenStore();
  const storage = (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      // Access can throw where storage is disabled (sandboxed iframes, privacy modes).
      return null;
    }
  };
  return {
    get() {
      const s = storage();
      if (!s) return fallback.get();
      try {
        const parsed: unknown = JSON.parse(s.getItem(key) ?? 'null');
        return isStoredTokens(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    set(tokens) {
      const s = storage();
      if (s) s.setItem(key, JSON.stringify(tokens));
      else fallback.set(tokens);
    },
    clear() {
      storage()?.removeItem(key);
      fallback.clear();
    },
  };
}
