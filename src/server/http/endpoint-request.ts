import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { Endpoint, Permission } from '../../contract/endpoints.js';
import type { ViewerScope } from '../../contract/schemas/index.js';
import { requirePermission } from './authenticate.js';
import type { AppEnv, Principal } from './context.js';
import { parseSearchParams } from './request-input.js';

/** A viewer session's fixed part of the log, or nothing for every other credential. */
export function principalScope(principal: Principal): { scope?: ViewerScope } {
  return principal.kind === 'viewer' && principal.session.scope
    ? { scope: principal.session.scope }
    : {};
}

/**
 * A query endpoint's request, as its table row says: the principal (already authenticated)
 * holding the endpoint's permission, and the query parameters parsed by its schema. A
 * viewer session's scope rides along in the parameters as `scope`, so every store query
 * built from them stays inside it.
 */
export function queryRequest<S extends z.ZodMiniObject>(
  c: Context<AppEnv>,
  endpoint: Endpoint & { permission: Permission; params: S },
): { principal: Principal; params: z.output<S> & { scope?: ViewerScope } } {
  const principal = c.get('principal');
  requirePermission(principal, endpoint.permission);
  const params = parseSearchParams(new URL(c.req.url).searchParams, endpoint.params);
  const scoped = { ...(params as object), ...principalScope(principal) };
  return { principal, params: scoped as z.output<S> & { scope?: ViewerScope } };
}
