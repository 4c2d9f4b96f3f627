import type { AuditLogEvent } from '../../../src/client/index.js';

/** A stored event as the API answers it; `index` makes ids and times distinct. */
export function makeEvent(index: number, overrides: Partial<AuditLogEvent> = {}): AuditLogEvent {
  const time = new Date(Date.UTC(2026, 0, 15, 12, 0, 0) - index * 60_000).toISOString();
  return {
    id: `evt-${index}`,
    tenant_id: 'acme',
    event_type: 'user_action',
    resource_type: 'document',
    resource_id: `doc-${index}`,
    action: `action-${index}`,
    severity: 'info',
    description: `Event number ${index}`,
    metadata: null,
    ip_address: '203.0.113.7',
    user_agent: null,
    session_id: null,
    correlation_id: null,
    user_id: `user-${index}`,
    timestamp: time,
    created_at: time,
    ...overrides,
  };
}

export function makeEvents(count: number): AuditLogEvent[] {
  return Array.from({ length: count }, (_, index) => makeEvent(index));
}
