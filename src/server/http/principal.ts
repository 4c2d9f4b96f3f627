import type { Permission } from '../auth/permissions.js';
import type { ApiKeyRecord, UserRecord, ViewerSessionRecord } from '../store/types.js';

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
