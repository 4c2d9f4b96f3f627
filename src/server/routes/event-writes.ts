import type { Context } from 'hono';
import type { AuditLogEvent, AuditLogEventCreateParsed } from '../../contract/schemas/index.js';
import { LONE_SURROGATE } from '../../contract/leaf.js';
import { newTimeOrderedId, sha256HexWithPrefix } from '../auth/crypto-utils.js';
import { conflictError, validationError } from '../http/api-error.js';
import { principalKey } from '../http/authenticate.js';
import type { AppEnv, AppState, Principal } from '../http/context.js';
import type { IdempotencyClaim } from '../store/types.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The path of the first text (or metadata key) that is not well-formed Unicode, or null.
 * Such text has no RFC 8785 form, so it could not be part of the tamper-evident log.
 */
function malformedTextPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (LONE_SURROGATE.test(key)) return childPath;
    const found = malformedTextPath(child, childPath);
    if (found) return found;
  }
  return null;
}

function toStoredEvent(
  input: AuditLogEventCreateParsed,
  principal: Principal,
  now: string,
  nowMs: number,
): AuditLogEvent {
  return {
    id: newTimeOrderedId(nowMs),
    tenant_id: principal.tenantId,
    event_type: input.event_type,
    resource_type: input.resource_type,
    action: input.action,
    severity: input.severity,
    description: input.description,
    resource_id: input.resource_id,
    metadata: input.metadata,
    ip_address: input.ip_address,
    user_agent: input.user_agent,
    session_id: input.session_id,
    correlation_id: input.correlation_id,
    // The contract fills the writer's user from the token when the event names none.
    user_id: input.user_id ?? (principal.kind === 'user' ? principal.user.id : null),
    timestamp: input.timestamp ?? now,
    created_at: now,
  };
}

async function claimFor(
  c: Context<AppEnv>,
  state: AppState,
  bodyBytes: Uint8Array<ArrayBuffer>,
): Promise<IdempotencyClaim | undefined> {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw validationError('Idempotency-Key is not valid', {
      'Idempotency-Key': 'Use 1 to 255 visible ASCII characters',
    });
  }
  const now = state.now();
  const principal = c.get('principal');
  // Scoped to the sender: a write-only key replaying a manager's key must not read back
  // the manager's events, so the same key from two principals is two requests. A space
  // separates them (keys are visible ASCII), and any store's text column can hold it.
  const sender = principalKey(principal);
  return {
    key: `${sender} ${key}`,
    // The hash of "METHOD path\n" and the body as sent: the bytes themselves, so a body is
    // not encoded again, and two bodies that differ only in bytes that decode alike differ.
    fingerprint: await sha256HexWithPrefix(`${c.req.method} ${c.req.path}\n`, bodyBytes),
    notBefore: new Date(now - IDEMPOTENCY_TTL_MS).toISOString(),
    now: new Date(now).toISOString(),
  };
}

/**
 * Stores events all or nothing. With an `Idempotency-Key`, a repeat of the same request
 * answers the first result and stores nothing; the key with another body is a conflict.
 */
export async function storeEvents(
  c: Context<AppEnv>,
  state: AppState,
  inputs: AuditLogEventCreateParsed[],
  body: { text: string; bytes: Uint8Array<ArrayBuffer> },
): Promise<{ events: AuditLogEvent[]; replayed: boolean }> {
  const principal = c.get('principal');
  const batch = c.req.path.endsWith('/batch');
  // Decoded UTF-8 holds no lone surrogate; only a \uD800–\uDFFF escape can make one, so
  // bodies without such an escape (nearly all) skip the walk.
  const mayHoldSurrogates = /\\u[dD][89a-fA-F]/.test(body.text);
  if (mayHoldSurrogates)
    inputs.forEach((input, index) => {
      const path = malformedTextPath(input, batch ? `audit_logs.${index}` : '');
      if (path) {
        throw validationError('Text must be well-formed Unicode', {
          [path]: 'Contains an unpaired surrogate',
        });
      }
    });
  const now = state.nowIso();
  const nowMs = Date.parse(now);
  const events = inputs.map((input) => toStoredEvent(input, principal, now, nowMs));
  const claim = await claimFor(c, state, body.bytes);
  const result = await state.store.insertEvents(principal.tenantId, events, claim);
  if (result.status === 'conflict') {
    throw conflictError(
      'This Idempotency-Key was used with a different request body; use a new key for a new request',
    );
  }
  return { events: result.events, replayed: result.status === 'replayed' };
}
