import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import { DEFAULT_SORT } from '../../contract/constants.js';
import type { FacetsResponse } from '../../contract/schemas/index.js';
import { authenticate } from '../http/authenticate.js';
import type { AppEnv, AppState } from '../http/context.js';
import { queryRequest } from '../http/endpoint-request.js';

export function registerFacetsRoute(app: Hono<AppEnv>, state: AppState): void {
  app.get(routePattern(ENDPOINTS.getFacets), authenticate(state), async (c) => {
    const {
      principal,
      params: { fields, limit, ...filters },
    } = queryRequest(c, ENDPOINTS.getFacets);
    // Counts have no order; the store's filter type carries one, which it ignores here.
    const filter = { ...filters, ...DEFAULT_SORT };
    const body: FacetsResponse = await state.store.facets(
      principal.tenantId,
      filter,
      [...new Set(fields)],
      limit,
    );
    return c.json(body);
  });
}
