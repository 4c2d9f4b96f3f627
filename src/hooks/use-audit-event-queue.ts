'use client';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  AuditEventQueue,
  type AuditEventQueueOptions,
  type HeldQueueEvents,
  type QueueState,
} from '../client/queue/index.js';
import { useAuditLogClient } from './audit-log-context.js';

const EMPTY: QueueState = {
  owner: null,
  held: null,
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
 * null until storage has been read (a moment after mount). Events are filed under whoever is
 * signed in; mount the hook above the sign-in gate so it sees sign-outs, and `state.held`
 * (or `onSignOut`) tells what became of the events of a user who signed out.
 *
 * @example
 * const { queue, state } = useAuditEventQueue({ afterSignOut: 'keep' });
 * const onSave = () => queue?.enqueue({ event_type: 'user_action', resource_type: 'form', action: 'save', severity: 'info', description: 'Saved settings' });
 * // state.pending, state.failed (refused for good, with reasons), state.lastError while retrying,
 * // state.held: { count, action: 'kept' | 'discarded' } after a sign-out
 */
export function useAuditEventQueue(options: Omit<AuditEventQueueOptions, 'client'> = {}) {
  const client = useAuditLogClient();
  const [queue, setQueue] = useState<AuditEventQueue | null>(null);
  // Options are read when the queue opens; a new client opens a new queue.
  const [initial] = useState(options);
  // The latest callback is called, not the one of the first render.
  const onSignOut = useRef(options.onSignOut);
  useEffect(() => {
    onSignOut.current = options.onSignOut;
  });
  useEffect(() => {
    let opened: AuditEventQueue | null = null;
    let cancelled = false;
    void AuditEventQueue.open({
      ...initial,
      client,
      onSignOut: (held: HeldQueueEvents) => onSignOut.current?.(held),
    }).then((q) => {
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
