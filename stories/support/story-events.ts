import {
  EVENT_TYPES,
  SEVERITIES,
  type AuditLogEvent,
  type AuditLogEventInput,
  type AuditLogSummary,
} from 'audit-log-sdk';
import { HOSTILE_EVENTS } from 'audit-log-sdk/testing';

const START = Date.UTC(2026, 0, 15, 12, 0, 0);
const ACTIONS = ['login', 'read', 'update', 'delete', 'export', 'grant'] as const;
const RESOURCES = ['document', 'invoice', 'user', 'role', 'report'] as const;

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;

/**
 * A stored event as the API answers it, the same for the same `index` on every run, so
 * stories and their screenshots never drift; one minute older per index.
 */
export function makeStoryEvent(
  index: number,
  overrides: Partial<AuditLogEvent> = {},
): AuditLogEvent {
  const time = new Date(START - index * 60_000).toISOString();
  return {
    id: `evt-${String(index).padStart(5, '0')}`,
    tenant_id: 'acme',
    event_type: pick(EVENT_TYPES, index),
    resource_type: pick(RESOURCES, index * 7),
    resource_id: `${pick(RESOURCES, index * 7)}-${index}`,
    action: pick(ACTIONS, index * 3),
    severity: pick(SEVERITIES, index * 11),
    description: `Event number ${index}`,
    metadata: index % 4 === 0 ? { before: { status: 'draft' }, after: { status: 'sent' } } : null,
    ip_address: `203.0.113.${index % 250}`,
    user_agent: 'Mozilla/5.0',
    session_id: `session-${index % 17}`,
    correlation_id: `corr-${index % 9}`,
    user_id: `user-${index % 23}`,
    timestamp: time,
    created_at: time,
    ...overrides,
  };
}

/** `count` events, newest first. */
export function makeStoryEvents(count: number): AuditLogEvent[] {
  return Array.from({ length: count }, (_, index) => makeStoryEvent(index));
}

/** An event as the server stores a written one: missing optional fields become `null`. */
function stored(input: AuditLogEventInput, index: number): AuditLogEvent {
  const time = new Date(START - index * 60_000).toISOString();
  return {
    id: `hostile-${index}`,
    tenant_id: 'acme',
    event_type: input.event_type,
    resource_type: input.resource_type,
    resource_id: input.resource_id ?? null,
    action: input.action,
    severity: input.severity ?? 'info',
    description: input.description,
    metadata: input.metadata ?? null,
    ip_address: input.ip_address ?? null,
    user_agent: input.user_agent ?? null,
    session_id: input.session_id ?? null,
    correlation_id: input.correlation_id ?? null,
    user_id: input.user_id ?? null,
    timestamp: time,
    created_at: time,
  };
}

/** The hostile corpus as stored events, for components fed by props. */
export const HOSTILE_STORED_EVENTS: readonly AuditLogEvent[] = HOSTILE_EVENTS.map(stored);

/** A summary with every severity and event type counted, for cards, charts and filters. */
export const STORY_SUMMARY: AuditLogSummary = {
  total_count: 1390,
  event_types: {
    authentication: 1200,
    authorization: 40,
    data_access: 90,
    data_modification: 30,
    system_event: 10,
    user_action: 15,
    api_call: 5,
    error: 0,
  },
  severities: { critical: 3, error: 40, warning: 120, info: 1045, debug: 182 },
  resource_types: { invoice: 10, user: 5, document: 1 },
  date_range: { start: '2026-01-14T00:00:00Z', end: '2026-01-15T12:00:00Z' },
  timeline: Array.from({ length: 12 }, (_, hour) => ({
    bucket: new Date(Date.UTC(2026, 0, 15, hour)).toISOString(),
    count: 10 + hour * 3,
    severities: {
      critical: hour % 3,
      error: 2,
      warning: 3,
      info: 5 + hour * 3 - (hour % 3),
      debug: 0,
    },
  })),
};

/** The same summary with nothing counted. */
export const EMPTY_SUMMARY: AuditLogSummary = {
  total_count: 0,
  event_types: {},
  severities: {},
  resource_types: {},
  date_range: { start: null, end: null },
  timeline: [],
};
