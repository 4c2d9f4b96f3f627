'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { AuditEventQueue, type AuditEventQueueOptions, type QueueState } from '../client/index.js';
import { useAuditLogClient } from './audit-log-context.js';

const EMPTY: QueueState = {
  pending: 0,
  inFlight: 0,
  failed: [],
  dropped: 0,
  storage: 'memory',
  storageFallback: null,
  lastError: null,
  nextAttemptAt: null,
};

/**
 * Opens a durable event queue for the provider's client and follows its state. `queue` is
 * null until storage has been read (a moment after mount).
 *
 * @example
 * const { queue, state } = useAuditEventQueue();
 * const onSave = () => queue?.enqueue({ event_type: 'user_action', resource_type: 'form', action: 'save', severity: 'info', description: 'Saved settings' });
 * // state.pending, state.failed (refused for good, with reasons), state.lastError while retrying
 */
export function useAuditEventQueue(options: Omit<AuditEventQueueOptions, 'client'> = {}) {
  const client = useAuditLogClient();
  const [queue, setQueue] = useState<AuditEventQueue | null>(null);
  // Options are read when the queue opens; a new client opens a new queue.
  const [initial] = useState(options);
  useEffect(() => {
    let opened: AuditEventQueue | null = null;
    let cancelled = false;
    void AuditEventQueue.open({ ...initial, client }).then((q) => {
      if (cancelled) q.close();
      else setQueue((opened = q));
    });
    return () => {
      cancelled = true;
      opened?.close();
      setQueue(null);
    };
  }, [client, initial]);
  const state = useSyncExternalStore(
    (listener) => queue?.subscribe(listener) ?? (() => {}),
    () => queue?.getState() ?? EMPTY,
    () => EMPTY,
  );
  return { queue, state };
}
