'use client';
// `audit-log-sdk/react`: TanStack Query hooks over the client.
export { AuditLogProvider, type AuditLogProviderProps } from './audit-log-provider.js';
export { useAuditLogClient } from './audit-log-context.js';
export { auditLogKeys } from './query-keys.js';
export {
  auditEventQueryOptions,
  auditEventsQueryOptions,
  currentUserQueryOptions,
  facetsQueryOptions,
  infiniteAuditEventsQueryOptions,
  summaryQueryOptions,
  type AuditLogQueryRequest,
} from './query-options.js';
export { useAuditEvents, type UseAuditEventsOptions } from './use-audit-events.js';
export { LIVE_INTERVAL_MS } from '../contract/constants.js';
export { useInfiniteAuditEvents } from './use-infinite-audit-events.js';
export { useAuditEvent } from './use-audit-event.js';
export { useSummary } from './use-summary.js';
export { useFacets, type FacetsResult, type UseFacetsOptions } from './use-facets.js';
export {
  useExport,
  type ExportProgressState,
  type ExportRequest,
  type ExportResult,
} from './use-export.js';
export { useLogin, useLogout } from './use-session-mutations.js';
export { useCurrentUser } from './use-current-user.js';
export { usePermissions, type AuditPermissions } from './use-permissions.js';
export { useCreateEvent, useCreateEventsBatch } from './use-event-writes.js';
export { useAuditSession } from './use-audit-session.js';
export { useAuditEventQueue } from './use-audit-event-queue.js';
export { useSignedLogAbsent, useVerification, type VerificationState } from './use-verification.js';
