import type { Hono } from 'hono';
import {
  AuditLogEventBatchCreateSchema,
  AuditLogEventCreateSchema,
  EventListParamsSchema,
  IdSchema,
  type PaginatedAuditLogs,
} from '../../contract/schemas/index.js';
import { notFoundError } from '../http/api-error.js';
import { authenticate, requirePermission } from '../http/authenticate.js';
import { limitBody, readJson } from '../http/body.js';
import type { AppEnv, AppState } from '../http/context.js';
import { parseSearchParams } from '../http/request-input.js';
import { registerExportRoute } from './export-route.js';
import { storeEvents } from './event-writes.js';
import { registerSummaryRoute } from './summary-route.js';

export function registerEventRoutes(app: Hono<AppEnv>, state: AppState): void {
  const auth = authenticate(state);

  app.post('/api/v1/audit/events', limitBody(state.maxBodyBytes), auth, async (c) => {
    requirePermission(c.get('principal'), 'events:write');
    const { value, text } = await readJson(c, AuditLogEventCreateSchema);
    const { events, replayed } = await storeEvents(c, state, [value], text);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(events[0], 201);
  });

  app.post('/api/v1/audit/events/batch', limitBody(state.maxBatchBodyBytes), auth, async (c) => {
    requirePermission(c.get('principal'), 'events:write');
    const { value, text } = await readJson(c, AuditLogEventBatchCreateSchema);
    const { events, replayed } = await storeEvents(c, state, value.audit_logs, text);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(events, 201);
  });

  app.get('/api/v1/audit/events', auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'events:read');
    const { page, size, ...filter } = parseSearchParams(
      new URL(c.req.url).searchParams,
      EventListParamsSchema,
    );
    const { items, total } = await state.store.queryEvents(principal.tenantId, filter, {
      offset: (page - 1) * size,
      limit: size,
    });
    const body: PaginatedAuditLogs = { items, total, page, size, pages: Math.ceil(total / size) };
    return c.json(body);
  });

  // Registered before `/events/:id` so "export" is never read as an event id.
  registerExportRoute(app, state);
  registerSummaryRoute(app, state);

  app.get('/api/v1/audit/events/:id', auth, async (c) => {
    const principal = c.get('principal');
    requirePermission(principal, 'events:read');
    const id = c.req.param('id');
    const event = IdSchema.safeParse(id).success
      ? await state.store.getEvent(principal.tenantId, id)
      : null;
    // Another tenant's event is "not found" too: its existence is not ours to confirm.
    if (!event) throw notFoundError('No such event in this tenant');
    return c.json(event);
  });
}
