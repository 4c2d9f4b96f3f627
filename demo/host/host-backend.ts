import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createViewerSessionHandler,
  revokeViewerSession,
  type ViewerGrant,
  type ViewerSessionResponse,
} from '../../src/host/index.js';
import { ACCESS_RECORD } from '../../src/contract/access-records.js';
import { HOST_USERS, type HostUser } from './host-users.js';

/** What the host's backend knows and its pages never see: the audit API and its keys. */
export interface HostBackendOptions {
  /** The audit API as the backend reaches it. */
  auditBaseUrl: string;
  /** An API key with the `embed` permission per tenant, kept on the server (or on its way). */
  embedKeys: Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;
  /** Seconds a viewer session lives; the page asks for a new one before it ends. */
  ttlSeconds?: number;
  users?: readonly HostUser[];
}

/** Which view a session is for: the person's scoped log, or who read the tenant's log. */
export type HostView = 'log' | 'access';

interface HostSession {
  user: HostUser;
  /** Viewer sessions minted for this sign-in, so signing out or revoking ends them all. */
  viewerSessions: Set<string>;
  /** Set when the person revoked audit access: no new viewer session until they sign in again. */
  auditEnded: boolean;
}

/** The cookie is scoped to the host's own routes: the audit API, proxied under /api, never sees it. */
const COOKIE = 'host_session';
const COOKIE_PATH = '/host';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieOf(request: Request): string | undefined {
  const header = request.headers.get('Cookie') ?? '';
  return /(?:^|;\s*)host_session=([\w-]+)/.exec(header)?.[1];
}

/**
 * The host's backend: its own sign-in (an HttpOnly cookie no page script can read), and
 * the one route that turns a signed-in host user into a viewer session for their tenant and
 * scope. Answers null for paths that are not its own. Framework-neutral (Request in,
 * Response out), so the demo mounts it in Vite and a host in whatever it runs.
 */
export function createHostBackend(options: HostBackendOptions) {
  const users = options.users ?? HOST_USERS;
  const sessions = new Map<string, HostSession>();
  const embedKey = async (tenantId: string) => (await options.embedKeys)[tenantId]!;

  const current = (request: Request) => {
    const id = cookieOf(request);
    return id === undefined ? undefined : sessions.get(id);
  };

  async function revokeAll(session: HostSession): Promise<void> {
    const { tenantId } = session.user;
    const apiKey = await embedKey(tenantId);
    await Promise.all(
      [...session.viewerSessions].map((sessionId) =>
        revokeViewerSession({ baseUrl: options.auditBaseUrl, apiKey, tenantId, sessionId }),
      ),
    );
    session.viewerSessions.clear();
  }

  async function signIn(request: Request): Promise<Response> {
    const body = (await request.json().catch(() => null)) as {
      username?: unknown;
      password?: unknown;
    } | null;
    const user = users.find((u) => u.username === body?.username);
    if (!user || typeof body?.password !== 'string' || !sameText(body.password, user.password)) {
      return json(401, { detail: 'Wrong username or password' });
    }
    const id = randomBytes(24).toString('base64url');
    sessions.set(id, { user, viewerSessions: new Set(), auditEnded: false });
    return json(200, describe(user), {
      'Set-Cookie': `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=${COOKIE_PATH}`,
    });
  }

  /** The grant for a request's host user: their tenant, subject and scope for the view asked. */
  function grantFor(request: Request): ViewerGrant | null {
    const session = current(request);
    if (!session || session.auditEnded) return null;
    const { user } = session;
    const view: HostView =
      new URL(request.url).searchParams.get('view') === 'access' ? 'access' : 'log';
    return {
      tenantId: user.tenantId,
      subject: { id: user.username, display_name: user.displayName, email: user.email },
      permissions: user.canExport && view === 'log' ? ['read', 'export'] : ['read'],
      // The access view reads the tenant's access records and nothing else.
      scope:
        view === 'access'
          ? {
              event_types: [ACCESS_RECORD.event_type],
              resource_types: [ACCESS_RECORD.resource_type],
            }
          : user.scope,
      ttlSeconds: options.ttlSeconds ?? 300,
    };
  }

  const mint = createViewerSessionHandler({
    baseUrl: options.auditBaseUrl,
    apiKey: embedKey,
    authorize: grantFor,
  });

  return async function handle(request: Request): Promise<Response | null> {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(`${COOKIE_PATH}/`)) return null;
    const route = `${request.method} ${pathname}`;
    if (route === 'POST /host/sign-in') return signIn(request);

    const session = current(request);
    if (!session) return json(401, { detail: 'Not signed in' });
    switch (route) {
      case 'GET /host/me':
        return json(200, describe(session.user, session.auditEnded));
      case 'POST /host/audit-session': {
        const answer = await mint(request);
        // Remembered so that ending access or signing out can revoke it.
        if (answer.ok) {
          const minted = (await answer.clone().json()) as ViewerSessionResponse;
          session.viewerSessions.add(minted.session_id);
        }
        return answer;
      }
      case 'DELETE /host/audit-session':
        session.auditEnded = true;
        await revokeAll(session);
        return new Response(null, { status: 204 });
      case 'POST /host/sign-out':
        await revokeAll(session);
        sessions.delete(cookieOf(request)!);
        return new Response(null, {
          status: 204,
          headers: {
            'Set-Cookie': `${COOKIE}=; HttpOnly; SameSite=Strict; Path=${COOKIE_PATH}; Max-Age=0`,
          },
        });
      default:
        return json(404, { detail: 'Not found' });
    }
  };
}

/** What the host's page may know about its signed-in user: no credentials of any kind. */
export interface HostMe {
  displayName: string;
  tenantId: string;
  scope: HostUser['scope'];
  canExport: boolean;
  auditEnded: boolean;
}

function describe(user: HostUser, auditEnded = false): HostMe {
  return {
    displayName: user.displayName,
    tenantId: user.tenantId,
    scope: user.scope,
    canExport: user.canExport,
    auditEnded,
  };
}
