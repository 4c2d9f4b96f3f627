import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import {
  IdSchema,
  ViewerSessionCreateSchema,
  type SessionInfo,
  type SessionPermission,
  type ViewerSessionResponse,
} from '../../contract/schemas/index.js';
import { newId } from '../auth/crypto-utils.js';
import { permissionsOfApiKey, type Permission } from '../auth/permissions.js';
import { authorizationError, notFoundError } from '../http/api-error.js';
import { authenticate, minterName, requirePermission } from '../http/authenticate.js';
import { limitBody, readJson } from '../http/body.js';
import type { AppEnv, AppState, Principal } from '../http/context.js';
import type { ViewerSessionRecord } from '../store/types.js';

/** The server's permissions as `SessionInfo` names them; minting sessions is not shown. */
const SESSION_PERMISSIONS: [Permission, SessionPermission][] = [
  ['events:read', 'read'],
  ['events:write', 'write'],
  ['events:export', 'export'],
  ['users:manage', 'manage'],
];

export function sessionInfo(principal: Principal): SessionInfo {
  const permissions = SESSION_PERMISSIONS.filter(([held]) => principal.permissions.has(held)).map(
    ([, named]) => named,
  );
  const base = { tenant_id: principal.tenantId, permissions };
  switch (principal.kind) {
    case 'user': {
      const { user } = principal;
      return {
        ...base,
        kind: 'user',
        subject: { id: user.id, display_name: user.full_name ?? user.username, email: user.email },
      };
    }
    case 'api_key': {
      const { apiKey } = principal;
      return {
        ...base,
        kind: 'api_key',
        subject: { id: `api_key:${apiKey.key_prefix}`, display_name: apiKey.name },
        ...(apiKey.expires_at !== null && { expires_at: apiKey.expires_at }),
      };
    }
    case 'viewer': {
      const { session } = principal;
      return {
        ...base,
        kind: 'viewer',
        subject: session.subject,
        ...(session.scope !== null && { scope: session.scope }),
        expires_at: session.expires_at,
      };
    }
  }
}

export function registerViewerSessionRoutes(app: Hono<AppEnv>, state: AppState): void {
  const auth = authenticate(state);

  app.post(routePattern(ENDPOINTS.createViewerSession), limitBody(64 * 1024), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.createViewerSession.permission);
    const { value } = await readJson(c, ViewerSessionCreateSchema);
    // A session never reads or exports more than the credential that mints it.
    for (const permission of permissionsOfApiKey(value.permissions)) {
      requirePermission(principal, permission);
    }
    const expiresAt = Math.floor(state.now() / 1000) + value.ttl_seconds;
    const session: ViewerSessionRecord = {
      id: newId(),
      tenant_id: principal.tenantId,
      subject: value.subject,
      permissions: value.permissions,
      scope: value.scope ?? null,
      minted_by: minterName(principal),
      created_at: state.nowIso(),
      expires_at: new Date(expiresAt * 1000).toISOString(),
      revoked_at: null,
    };
    await state.store.insertViewerSession(session);
    const body: ViewerSessionResponse = {
      access_token: await state.accessTokens.signViewer({
        tenantId: session.tenant_id,
        sessionId: session.id,
        expiresAt,
      }),
      token_type: 'bearer',
      expires_in: value.ttl_seconds,
      expires_at: session.expires_at,
      session_id: session.id,
    };
    return c.json(body, 201);
  });

  app.delete(routePattern(ENDPOINTS.revokeViewerSession), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.revokeViewerSession.permission);
    const id = c.req.param('id');
    const found =
      IdSchema.safeParse(id).success &&
      (await state.store.revokeViewerSession(principal.tenantId, id, state.nowIso()));
    if (!found) throw notFoundError('No such viewer session in this tenant');
    return c.body(null, 204);
  });

  app.get(routePattern(ENDPOINTS.session), auth, (c) => c.json(sessionInfo(c.get('principal'))));
}

/** Tamper-evidence answers span the whole tenant's log, so a scoped viewer may not ask. */
export function refuseScopedViewer(principal: Principal): void {
  if (principal.kind === 'viewer' && principal.session.scope !== null) {
    throw authorizationError(
      "This viewer session sees part of the log; proofs over the tenant's whole log are not for it",
    );
  }
}
