'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import type { EventVerification } from '../../client/verification/index.js';
import { useVerification, type VerificationState } from '../../hooks/index.js';
import { useAuditLogViewContext } from '../viewer/view-context.js';

const IntegrityContext = createContext<VerificationState | null>(null);

const NO_EVENTS: readonly AuditLogEvent[] = [];

export interface AuditLogIntegrityProps {
  /** The rows to check. Left out inside `<AuditLogView>`, the view's page of events. */
  events?: readonly AuditLogEvent[] | undefined;
  children?: ReactNode;
}

/**
 * Checks the shown rows against the signed log once for every integrity part inside it (row
 * marks, banner), after the rows are painted. Parts outside one check for themselves.
 */
export function AuditLogIntegrity({ events, children }: AuditLogIntegrityProps) {
  const state = useOwnVerification(events);
  return <IntegrityContext.Provider value={state}>{children}</IntegrityContext.Provider>;
}

function useOwnVerification(events: readonly AuditLogEvent[] | undefined, skip = false) {
  const view = useAuditLogViewContext();
  const rows = events ?? view?.events.data?.items ?? NO_EVENTS;
  // Hooks run unconditionally; with nothing to check this one stays idle and asks nothing.
  return useVerification(skip ? NO_EVENTS : rows);
}

/**
 * The verification of the rows on screen: the nearest `<AuditLogIntegrity>`'s, else one for
 * `events`, else for the nearest `<AuditLogView>`'s page.
 */
export function useIntegrity(events?: readonly AuditLogEvent[]): VerificationState {
  const shared = useContext(IntegrityContext);
  const own = useOwnVerification(events, shared !== null && events === undefined);
  return shared !== null && events === undefined ? shared : own;
}

/** What a mark shows for one event. */
export type IntegrityMarkState = 'verified' | 'modified' | 'notInLog' | 'checking' | 'unchecked';

/** The mark of one event from a verification: its verdict once known. */
export function markStateOf(
  state: VerificationState,
  verdict: EventVerification | undefined,
): IntegrityMarkState | null {
  if (state.status === 'unsupported') return null;
  if (verdict) return verdict.verdict === 'not_in_log' ? 'notInLog' : verdict.verdict;
  return state.status === 'pending' || state.status === 'idle' ? 'checking' : 'unchecked';
}
