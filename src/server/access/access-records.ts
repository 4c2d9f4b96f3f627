import { ACCESS_RECORD, AccessAction } from '../../contract/access-records.js';
import type { AuditLogEvent } from '../../contract/schemas/index.js';
import { newTimeOrderedId } from '../auth/crypto-utils.js';
import type { Principal } from '../http/principal.js';
import type { AuditStore } from '../store/types.js';

export interface Access {
  action: AccessAction;
  /** The query's own filters as the caller sent them (a viewer's scope is the session's). */
  filters: Record<string, unknown>;
  result_count?: number;
  format?: string;
  event_id?: string;
}

/** Identical queries by one principal are recorded at most once in this window. */
export const ACCESS_DEDUPE_MS = 60_000;

/** Past this many remembered queries, the oldest are forgotten even inside the window. */
const MAX_REMEMBERED = 50_000;

/** Who read, as the contract names them in `user_id`. */
export function accessPrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return principal.user.id;
    case 'viewer':
      return `viewer:${principal.session.subject.id}`;
    case 'api_key':
      return `api_key:${principal.apiKey.key_prefix}`;
  }
}

function description(access: Access): string {
  const rows = (n: number | undefined) => (n === undefined ? '' : ` (${n} events)`);
  switch (access.action) {
    case AccessAction.QUERY:
      return `Queried the audit log${rows(access.result_count)}`;
    case AccessAction.SUMMARY:
      return `Read the audit log summary${rows(access.result_count)}`;
    case AccessAction.VIEW_EVENT:
      return `Opened audit log event ${access.event_id ?? ''}`.trimEnd();
    case AccessAction.EXPORT:
      return `Exported the audit log as ${(access.format ?? 'json').toUpperCase()}${rows(access.result_count)}`;
  }
}

/**
 * Records reads of the log as ordinary `data_access` events in the tenant that was read.
 * Queries and summaries repeated by the same principal within a minute are recorded once,
 * so a viewer polling for live events does not flood the log; every export and every
 * opened event is recorded.
 */
export class AccessRecorder {
  /** Dedupe key -> when it was last recorded; insertion order is time order. */
  readonly #recent = new Map<string, number>();

  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number,
  ) {}

  async record(principal: Principal, access: Access): Promise<void> {
    const now = this.now();
    const who = accessPrincipal(principal);
    if (access.action === AccessAction.QUERY || access.action === AccessAction.SUMMARY) {
      this.#forget(now);
      const key = JSON.stringify([principal.tenantId, who, access.action, access.filters]);
      if (this.#recent.has(key)) return;
      this.#recent.set(key, now);
    }
    const at = new Date(now).toISOString();
    const event: AuditLogEvent = {
      id: newTimeOrderedId(now),
      tenant_id: principal.tenantId,
      ...ACCESS_RECORD,
      action: access.action,
      severity: 'info',
      description: description(access),
      resource_id: access.event_id ?? null,
      metadata: {
        filters: access.filters,
        ...(access.result_count !== undefined && { result_count: access.result_count }),
        ...(access.format !== undefined && { format: access.format }),
        ...(access.event_id !== undefined && { event_id: access.event_id }),
        session_kind: principal.kind,
      },
      ip_address: null,
      user_agent: null,
      session_id:
        principal.kind === 'user'
          ? principal.sessionId
          : principal.kind === 'viewer'
            ? principal.session.id
            : null,
      correlation_id: null,
      user_id: who,
      timestamp: at,
      created_at: at,
    };
    await this.store.insertEvents(principal.tenantId, [event]);
  }

  #forget(now: number): void {
    for (const [key, at] of this.#recent) {
      if (now - at < ACCESS_DEDUPE_MS && this.#recent.size < MAX_REMEMBERED) break;
      this.#recent.delete(key);
    }
  }
}

/** A query's filters as recorded: what was asked, without the unset ones. */
export function recordedFilters(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([key, value]) =>
        key !== 'scope' && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}
