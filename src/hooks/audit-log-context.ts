'use client';
import { createContext, useContext } from 'react';
import type { AuditLogClient } from '../client/index.js';

export interface AuditLogContextValue {
  client: AuditLogClient;
  /** The client's session version when this value was made; changes re-render consumers. */
  sessionVersion: number;
}

export const AuditLogContext = createContext<AuditLogContextValue | null>(null);

export function useAuditLogContext(): AuditLogContextValue {
  const value = useContext(AuditLogContext);
  if (!value) {
    throw new Error('audit-log-sdk hooks need an <AuditLogProvider client={…}> above them');
  }
  return value;
}

/**
 * The `AuditLogClient` of the nearest `AuditLogProvider`.
 *
 * @example
 * const client = useAuditLogClient();
 * await client.getEvent(id);
 */
export function useAuditLogClient(): AuditLogClient {
  return useAuditLogContext().client;
}
