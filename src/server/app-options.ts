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
  /** Failed logins for one username before it is throttled, and for how long. Always on. */
  loginThrottle?: { maxFailures: number; windowSeconds: number };
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
  /** Reported by /health. */
  version?: string;
  /** Clock and randomness, injectable so tests can move time and make faults repeatable. */
  now?: () => number;
  random?: () => number;
}
