import type { AccessTokens } from '../auth/access-tokens.js';
import type { PasswordHasher } from '../auth/password-hasher.js';
import type { ExportSlots } from '../export/export-limits.js';
import type { ExportManifests } from '../export/export-manifests.js';
import type { TreeSigner } from '../merkle/signing-keys.js';
import type { Permission } from '../auth/permissions.js';
import type { ApiKeyRecord, AuditStore, UserRecord, ViewerSessionRecord } from '../store/types.js';
import type { AccessRecorder } from '../access/access-records.js';
import type { LoginThrottle, RateLimiter } from './rate-limiter.js';
import type { SignInLimits } from './sign-in-limits.js';

/** Who is calling, and for which tenant: every route reads data only through this. */
export type Principal =
  | {
      kind: 'user';
      user: UserRecord;
      sessionId: string;
      tenantId: string;
      permissions: ReadonlySet<Permission>;
    }
  | {
      kind: 'api_key';
      apiKey: ApiKeyRecord;
      tenantId: string;
      permissions: ReadonlySet<Permission>;
    }
  | {
      /** A host-minted session: reads (and maybe exports) one tenant inside its scope. */
      kind: 'viewer';
      session: ViewerSessionRecord;
      tenantId: string;
      permissions: ReadonlySet<Permission>;
    };

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
