import type { ExportLimits } from './export/export-limits.js';
import type { SignInRateLimit } from './http/sign-in-limits.js';
import type { AuditStore } from './store/types.js';

export interface AuditLogAppOptions {
  store: AuditStore;
  /**
   * Secret that signs access tokens. Left out, the server makes one at first start and keeps
   * it in the store, so logins survive a restart of a server with a data file.
   */
  jwtSecret?: string;
  /** Seconds an access token lives. Default 900. */
  accessTokenTtlSeconds?: number;
  /** Seconds a refresh token lives. Default 7 days. */
  refreshTokenTtlSeconds?: number;
  /** Requests a minute allowed per credential (user or API key); 0 or absent: unlimited. */
  rateLimitPerMinute?: number;
  /**
   * Failed logins for one username from one client address before each further try waits
   * (1 s, doubling, at most `windowSeconds`), and how long failures count. Always on.
   */
  loginThrottle?: { maxFailures: number; windowSeconds: number };
  /**
   * Requests a minute to `/auth/login` and `/auth/refresh` per client address and in all.
   * Default 60 per address and 600 in all; `false` switches it off (tests).
   */
  signInRateLimit?: SignInRateLimit | false;
  /**
   * Read the client address from the last `X-Forwarded-For` entry. Only behind a proxy you
   * run that sets it: anyone can send the header. Default false (the connection's address).
   */
  trustProxy?: boolean;
  /**
   * Password derivations run at once (default 2) and allowed to wait (default 32); more
   * sign-ins are answered 429 at once, so hashing never starves other requests.
   */
  passwordHashing?: { concurrency: number; maxWaiting: number };
  /** Concurrent exports, per tenant and in all, and how long a stalled one may sit idle. */
  exportLimits?: Partial<ExportLimits>;
  /** Origins allowed by CORS: a list, or '*' for any. Default '*'. */
  corsOrigins?: readonly string[] | '*';
  /** Largest request body in bytes for single requests (default 4 MiB) and batches (16 MiB). */
  maxBodyBytes?: number;
  maxBatchBodyBytes?: number;
  /** Share (0..1) of API requests answered with 503, for fault-injection tests and demos. */
  failRate?: number;
  /** Milliseconds every answer is delayed. */
  latencyMs?: number;
  /** PBKDF2 iterations for new password hashes; lower only in tests and stories. */
  passwordIterations?: number;
  /**
   * Private Ed25519 JWK that signs tree heads and export manifests. Left out, the server makes
   * one at first start and keeps it in the store; keys used before stay in the JWKS.
   */
  treeSigningKey?: JsonWebKey;
  /**
   * Record every read of the log (queries, summaries, opened events, exports) as
   * `data_access` events in the tenant read. Default true; off for benchmarks.
   */
  accessRecords?: boolean;
  /** Reported by /health. */
  version?: string;
  /** Clock and randomness, injectable so tests can move time and make faults repeatable. */
  now?: () => number;
  random?: () => number;
}
