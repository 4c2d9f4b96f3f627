import { ViewerSessionResponseSchema } from '../../contract/schemas/index.js';
import { AuthenticationError, NetworkError, ServerError } from '../errors/index.js';
import { parseResponseBody } from '../http/response-body.js';

/** A token with its expiry, as a host's viewer-session endpoint answers it. */
export interface AccessTokenGrant {
  access_token: string;
  /** ISO timestamp; the client asks again shortly before it. */
  expires_at: string;
}

export interface HostSessionOptions {
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers, e.g. the host's CSRF token. */
  headers?: Record<string, string> | undefined;
}

/**
 * A `getAccessToken` for an embedded viewer: asks the host's own endpoint (mounted with
 * `createViewerSessionHandler` from `audit-log-sdk/server`) for a viewer session, sending the
 * host's cookies. The client caches the answer and asks again shortly before it expires.
 * A refusal is an `AuthenticationError` with code `viewer_session_refused`; a redirect (to
 * the host's sign-in page, say) counts as one and is not followed.
 *
 * @example
 * const client = new AuditLogClient({
 *   baseUrl: 'https://audit.example.com',
 *   getAccessToken: hostSessionToken('/audit/session'),
 * });
 */
export function hostSessionToken(
  url: string | URL,
  options: HostSessionOptions = {},
): () => Promise<AccessTokenGrant> {
  const what = 'asking the host for a viewer session';
  return async () => {
    const send = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await send(url, {
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'manual',
        cache: 'no-store',
        headers: { Accept: 'application/json', ...options.headers },
      });
    } catch (cause) {
      throw new NetworkError(`The host could not be reached while ${what}`, { cause });
    }
    const redirected =
      response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
    if (redirected || response.status === 401 || response.status === 403) {
      throw new AuthenticationError(
        redirected
          ? 'The host sent the viewer elsewhere instead of starting a session; sign in to the host again'
          : `The host refused a viewer session (${response.status}); sign in to the host again`,
        { status: response.status || undefined, code: 'viewer_session_refused' },
      );
    }
    if (!response.ok) {
      throw new ServerError(`The host failed (${response.status}) while ${what}`, {
        status: response.status,
        code: 'viewer_session_failed',
      });
    }
    return parseResponseBody(await response.text(), ViewerSessionResponseSchema, {
      status: response.status,
      requestId: undefined,
      what,
    });
  };
}
