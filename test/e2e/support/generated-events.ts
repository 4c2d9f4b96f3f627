import type { AuditLogEvent } from '../../../src/client/index.js';
import type { AuditStore, EventFilter } from '../../../src/server/store/types.js';

/**
 * A store that answers a query for one tenant and one resource type with `count` generated
 * events, made one at a time as the export reads them (a million rows without a million
 * rows in memory or a long seed); every other call goes to the real store.
 */
export function withGeneratedEvents(
  store: AuditStore,
  target: { tenantId: string; resourceType: string; count: number },
): AuditStore {
  const applies = (tenantId: string, filter: EventFilter) =>
    tenantId === target.tenantId &&
    filter.resource_types?.length === 1 &&
    filter.resource_types[0] === target.resourceType;
  const start = Date.parse('2026-01-01T00:00:00.000Z');

  function* generate(): Generator<AuditLogEvent> {
    for (let i = 0; i < target.count; i += 1) {
      const timestamp = new Date(start + i * 1000).toISOString();
      yield {
        id: `gen-${i.toString().padStart(7, '0')}`,
        tenant_id: target.tenantId,
        timestamp,
        created_at: timestamp,
        event_type: 'data_access',
        severity: i % 97 === 0 ? 'warning' : 'info',
        action: i % 2 === 0 ? 'read' : 'list',
        resource_type: target.resourceType,
        resource_id: `record-${i % 5000}`,
        user_id: `user-${i % 300}`,
        ip_address: null,
        user_agent: null,
        session_id: null,
        correlation_id: null,
        description: `Generated access ${i}`,
        metadata: null,
      };
    }
  }

  return new Proxy(store, {
    get(real, property) {
      if (property === 'countEvents') {
        return (tenantId: string, filter: EventFilter) =>
          applies(tenantId, filter) ? target.count : real.countEvents(tenantId, filter);
      }
      if (property === 'streamEvents') {
        return (tenantId: string, filter: EventFilter) =>
          applies(tenantId, filter) ? generate() : real.streamEvents(tenantId, filter);
      }
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? (value as () => unknown).bind(real) : value;
    },
  });
}
