import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { Endpoint, Permission } from '../../contract/endpoints.js';
import { requirePermission } from './authenticate.js';
import type { AppEnv, Principal } from './context.js';
import { parseSearchParams } from './request-input.js';

/**
 * A query endpoint's request, as its table row says: the principal (already authenticated)
 * holding the endpoint's permission, and the query parameters parsed by its schema.
 */
export function queryRequest<S extends z.ZodMiniObject>(
  c: Context<AppEnv>,
  endpoint: Endpoint & { permission: Permission; params: S },
): { principal: Principal; params: z.output<S> } {
  const principal = c.get('principal');
  requirePermission(principal, endpoint.permission);
  return { principal, params: parseSearchParams(new URL(c.req.url).searchParams, endpoint.params) };
}
