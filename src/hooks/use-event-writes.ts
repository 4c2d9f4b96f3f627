'use client';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AuditLogClient,
  AuditLogEvent,
  AuditLogEventInput,
  BatchOptions,
} from '../client/index.js';
import { useAuditLogContext } from './audit-log-context.js';
import { auditLogKeys } from './query-keys.js';

/** New events change this tenant's lists and summaries, and nothing else. */
function invalidateTenantReads(queryClient: QueryClient, client: AuditLogClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: auditLogKeys.events(client) }),
    queryClient.invalidateQueries({ queryKey: auditLogKeys.summaries(client) }),
  ]);
}

/**
 * Stores one event (idempotent across the client's retries), then refreshes lists and summaries.
 *
 * @example
 * const createEvent = useCreateEvent();
 * createEvent.mutate({ event_type: 'user_action', resource_type: 'report', action: 'download', severity: 'info', description: 'Report downloaded' });
 */
export function useCreateEvent() {
  const { client } = useAuditLogContext();
  const queryClient = useQueryClient();
  return useMutation<AuditLogEvent, Error, AuditLogEventInput>({
    mutationFn: (event) => client.createEvent(event),
    onSuccess: () => invalidateTenantReads(queryClient, client),
    retry: false,
  });
}

/**
 * Stores many events in ≤ 1000-event requests, then refreshes lists and summaries.
 *
 * @example
 * const createBatch = useCreateEventsBatch({ concurrency: 2 });
 * await createBatch.mutateAsync(importedEvents); // a BatchError says which were stored
 */
export function useCreateEventsBatch(options: Omit<BatchOptions, 'signal'> = {}) {
  const { client } = useAuditLogContext();
  const queryClient = useQueryClient();
  return useMutation<AuditLogEvent[], Error, readonly AuditLogEventInput[]>({
    mutationFn: (events) => client.createEventsBatch(events, options),
    // Part of a batch may have landed even when it failed (BatchError): refresh either way.
    onSettled: () => invalidateTenantReads(queryClient, client),
    retry: false,
  });
}
