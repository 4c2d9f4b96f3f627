import { AuditLogClient } from '../client/audit-log-client.js';
import type {
  ViewerPermission,
  ViewerScope,
  ViewerSessionResponse,
  ViewerSubject,
} from '../contract/schemas/index.js';

/** Where the audit API is and the host's `embed` key for one tenant. */
export interface AuditServiceCredentials {
  /** The audit API, e.g. `https://audit.internal.example`. */
  baseUrl: string;
  /** An API key of `tenantId` with `embed` (plus `read`, and `export` to grant it). */
  apiKey: string;
  tenantId: string;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof globalThis.fetch | undefined;
}

export interface CreateViewerSessionOptions extends AuditServiceCredentials {
  /** The host's own user the session is for; shown in access records. */
  subject: ViewerSubject;
  /** Default `['read']`; `['read', 'export']` lets the viewer export. */
  permissions?: ViewerPermission[] | undefined;
  /** The part of the tenant's log the session may read: any filters but dates. */
  scope?: ViewerScope | undefined;
  /** 60 to 3600; default 900. */
  ttlSeconds?: number | undefined;
  signal?: AbortSignal | undefined;
}

function clientFor(credentials: AuditServiceCredentials): AuditLogClient {
  return new AuditLogClient({
    baseUrl: credentials.baseUrl,
    apiKey: credentials.apiKey,
    tenantId: credentials.tenantId,
    fetch: credentials.fetch,
  });
}

/**
 * Mints a short-lived, read-only session for one of the host's users, from the host's
 * server. Hand the answer (never the API key) to the browser; it asks again before
 * `expires_at`, as there is no refresh token.
 */
export function createViewerSession(
  options: CreateViewerSessionOptions,
): Promise<ViewerSessionResponse> {
  return clientFor(options).createViewerSession(
    {
      subject: options.subject,
      permissions: options.permissions ?? ['read'],
      ...(options.scope && { scope: options.scope }),
      ...(options.ttlSeconds !== undefined && { ttl_seconds: options.ttlSeconds }),
    },
    { signal: options.signal },
  );
}

/** Ends a viewer session at once, e.g. when the host's user signs out. */
export function revokeViewerSession(
  options: AuditServiceCredentials & { sessionId: string; signal?: AbortSignal | undefined },
): Promise<void> {
  return clientFor(options).revokeViewerSession(options.sessionId, { signal: options.signal });
}
