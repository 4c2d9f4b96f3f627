import type { ViewerPermission, ViewerScope, ViewerSubject } from '../contract/schemas/index.js';
import { createViewerSession } from './viewer-sessions.js';

/** What the host's own sign-in lets this request's user see. */
export interface ViewerGrant {
  /** The tenant to read; the handler's `tenantId` when left out. */
  tenantId?: string | undefined;
  subject: ViewerSubject;
  permissions?: ViewerPermission[] | undefined;
  scope?: ViewerScope | undefined;
  ttlSeconds?: number | undefined;
}

export interface ViewerSessionHandlerOptions {
  baseUrl: string;
  /** The `embed` key: one for every tenant, or per tenant for hosts serving several. */
  apiKey: string | ((tenantId: string) => string | Promise<string>);
  /** The tenant when the grant names none. */
  tenantId?: string | undefined;
  /**
   * The host's own authentication and authorisation: the grant for the user making this
   * request, or null to refuse. Read the host's session cookie or token here.
   */
  authorize: (request: Request) => ViewerGrant | null | Promise<ViewerGrant | null>;
  fetch?: typeof globalThis.fetch | undefined;
}

const NO_STORE = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...NO_STORE, ...headers } });
}

const refusal = (status: number, error: string, message: string) =>
  answer(status, { error, message });

/**
 * A `Request -> Response` handler hosts mount at e.g. `POST /audit/session` (Next.js route
 * handlers, Hono, Remix, Bun and Deno take it as is; Express through a fetch adapter). It
 * asks `authorize` who is calling and answers a viewer session for them, so the browser
 * gets a short-lived token and never the API key. Cross-site requests are refused, so
 * another site cannot have a visitor's browser mint a session.
 */
export function createViewerSessionHandler(
  options: ViewerSessionHandlerOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') {
      return answer(
        405,
        { error: 'method_not_allowed', message: 'Use POST to start a viewer session' },
        { Allow: 'POST' },
      );
    }
    if (request.headers.get('Sec-Fetch-Site') === 'cross-site') {
      return refusal(403, 'authorization_error', 'Viewer sessions are not given to other sites');
    }
    const grant = await options.authorize(request);
    if (!grant) {
      return refusal(403, 'authorization_error', 'You may not view this audit log');
    }
    const tenantId = grant.tenantId ?? options.tenantId;
    if (!tenantId) {
      return refusal(500, 'server_error', 'No tenant is configured for viewer sessions');
    }
    try {
      const apiKey =
        typeof options.apiKey === 'function' ? await options.apiKey(tenantId) : options.apiKey;
      const session = await createViewerSession({
        baseUrl: options.baseUrl,
        apiKey,
        tenantId,
        fetch: options.fetch,
        subject: grant.subject,
        permissions: grant.permissions,
        scope: grant.scope,
        ttlSeconds: grant.ttlSeconds,
        signal: request.signal,
      });
      return answer(200, session);
    } catch {
      // The audit service's answer may name the key's tenant or limits; the browser learns
      // only that it failed.
      return refusal(502, 'server_error', 'The audit service could not start a session');
    }
  };
}
