import { AccessAction } from '../../contract/access-records.js';
import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import {
  AuditLogEventBatchCreateSchema,
  AuditLogEventCreateSchema,
  IdSchema,
  type PaginatedAuditLogs,
} from '../../contract/schemas/index.js';
import { notFoundError } from '../http/api-error.js';
import { authenticate, requirePermission } from '../http/authenticate.js';
import { limitBody, readJson } from '../http/body.js';
import type { AppEnv, AppState } from '../http/context.js';
import { principalScope, queryRequest } from '../http/endpoint-request.js';
import { recordedFilters } from '../access/access-records.js';
import { registerExportRoute } from './export-route.js';
import { registerFacetsRoute } from './facets-route.js';
import { storeEvents } from './event-writes.js';
import { registerSummaryRoute } from './summary-route.js';

export function registerEventRoutes(app: Hono<AppEnv>, state: AppState): void {
  const auth = authenticate(state);

  app.post(routePattern(ENDPOINTS.createEvent), limitBody(state.maxBodyBytes), auth, async (c) => {
    requirePermission(c.get('principal'), ENDPOINTS.createEvent.permission);
    const body = await readJson(c, AuditLogEventCreateSchema);
    const { events, replayed } = await storeEvents(c, state, [body.value], body);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(events[0], 201);
  });

  app.post(
    routePattern(ENDPOINTS.createEventsBatch),
    limitBody(state.maxBatchBodyBytes),
    auth,
    async (c) => {
      requirePermission(c.get('principal'), ENDPOINTS.createEventsBatch.permission);
      const body = await readJson(c, AuditLogEventBatchCreateSchema);
      const { events, replayed } = await storeEvents(c, state, body.value.audit_logs, body);
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(events, 201);
    },
  );

  app.get(routePattern(ENDPOINTS.queryEvents), auth, async (c) => {
    const {
      principal,
      params: { page, size, ...filter },
    } = queryRequest(c, ENDPOINTS.queryEvents);
    const { items, total } = await state.store.queryEvents(principal.tenantId, filter, {
      offset: (page - 1) * size,
      limit: size,
    });
    await state.accessRecords?.record(principal, {
      action: AccessAction.QUERY,
      filters: recordedFilters(filter),
      result_count: total,
    });
    const body: PaginatedAuditLogs = { items, total, page, size, pages: Math.ceil(total / size) };
    return c.json(body);
  });

  // Registered before `/events/:id` so "export" and "facets" are never read as event ids.
  registerExportRoute(app, state);
  registerFacetsRoute(app, state);
  registerSummaryRoute(app, state);

  app.get(routePattern(ENDPOINTS.getEvent), auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, ENDPOINTS.getEvent.permission);
    const id = c.req.param('id');
    const event = IdSchema.safeParse(id).success
      ? await state.store.getEvent(principal.tenantId, id, principalScope(principal).scope)
      : null;
    // Another tenant's event, or one outside a viewer's scope, is "not found" too: its
    // existence is not ours to confirm.
    if (!event) throw notFoundError('No such event in this tenant');
    await state.accessRecords?.record(principal, {
      action: AccessAction.VIEW_EVENT,
      filters: {},
      event_id: event.id,
    });
    return c.json(event);
  });
}
