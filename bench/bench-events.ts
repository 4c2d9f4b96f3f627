// The benchmark's events, skewed like real logs. `bench/pg-bulk-load.ts` writes the same
// events in SQL from these lists.
import { EVENT_TYPES, SEVERITIES, type AuditLogEvent } from '../src/contract/schemas/index.js';
import { newTimeOrderedId } from '../src/server/auth/crypto-utils.js';

export const DAY = 86_400_000;
/** The large tenant's events span this many days, newest now. */
export const SPAN_DAYS = 30;
export const RESOURCE_TYPES = ['user', 'document', 'invoice', 'project', 'api_key'];
export const ACTIONS = ['read', 'update', 'create', 'delete', 'login'];
export const USERS = 300;
export const DESCRIPTION_TAIL = 'a description of typical length for an audit trail entry';
export const USER_AGENT = 'bench/1.0';

// Mostly info/debug, few critical.
const SEVERITY_WEIGHTS = [1, 4, 10, 60, 25];
/** Event `i`'s severity is `SEVERITY_BY_SLOT[(i * 7919) % 100]`. */
export const SEVERITY_BY_SLOT = Array.from({ length: 100 }, (_, slot) => {
  let r = slot;
  for (let s = 0; s < SEVERITIES.length; s++) {
    r -= SEVERITY_WEIGHTS[s]!;
    if (r < 0) return SEVERITIES[s]!;
  }
  return SEVERITIES[3]!;
});

export function createBody(i: number) {
  return {
    event_type: EVENT_TYPES[i % EVENT_TYPES.length]!,
    resource_type: RESOURCE_TYPES[i % RESOURCE_TYPES.length]!,
    resource_id: `res-${i % 5000}`,
    action: ACTIONS[i % ACTIONS.length]!,
    severity: SEVERITY_BY_SLOT[(i * 7919) % 100]!,
    description: `Benchmark event ${i}: ${DESCRIPTION_TAIL}`,
    user_id: `user-${i % USERS}`,
    ip_address: `10.0.${(i >> 8) & 255}.${i & 255}`,
    session_id: `sess-${Math.floor(i / 20)}`,
    correlation_id: `corr-${Math.floor(i / 5)}`,
    metadata: { request_path: `/api/items/${i % 1000}`, status: 200 },
  };
}

/** Event `i` of `total`, spread over `SPAN_DAYS` back from `now`. */
export function storedEvent(
  tenantId: string,
  i: number,
  now: number,
  total: number,
): AuditLogEvent {
  const body = createBody(i);
  const timestamp = new Date(now - Math.floor((i / total) * SPAN_DAYS * DAY)).toISOString();
  return {
    ...body,
    id: newTimeOrderedId(),
    tenant_id: tenantId,
    user_agent: USER_AGENT,
    timestamp,
    created_at: timestamp,
  };
}
