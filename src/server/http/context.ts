import type { AccessTokens } from '../auth/access-tokens.js';
import type { PasswordHasher } from '../auth/password-hasher.js';
import type { ExportSlots } from '../export/export-limits.js';
import type { ExportManifests } from '../export/export-manifests.js';
import type { TreeSigner } from '../merkle/signing-keys.js';
import type { AuditStore } from '../store/types.js';
import type { AccessRecorder } from '../access/access-records.js';
import type { Principal } from './principal.js';

export type { Principal };
import type { LoginThrottle, RateLimiter } from './rate-limiter.js';
import type { SignInLimits } from './sign-in-limits.js';

export interface AppEnv {
  Variables: { requestId: string; principal: Principal };
}

/** What the routes share: the store, token signing, limits and the clock. */
export interface AppState {
  store: AuditStore;
  accessTokens: AccessTokens;
  refreshTokenTtlMs: number;
  rateLimiter: RateLimiter | null;
  loginThrottle: LoginThrottle;
  signInLimits: SignInLimits | null;
  trustProxy: boolean;
  passwords: PasswordHasher;
  exports: ExportSlots;
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
  version: string;
  now: () => number;
  nowIso: () => string;
  /** Verified against when a username is unknown, so timing does not reveal which names exist. */
  dummyPasswordHash: () => Promise<string>;
  /** Signs tree heads and export manifests; loaded (or made) on first use. */
  treeSigner: () => Promise<TreeSigner>;
  exportManifests: ExportManifests;
  /** Writes access records; null when they are turned off. */
  accessRecords: AccessRecorder | null;
}
