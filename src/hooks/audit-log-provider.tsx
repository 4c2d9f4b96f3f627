'use client';
import {
  hashKey,
  QueryClient,
  QueryClientContext,
  QueryClientProvider,
} from '@tanstack/react-query';
import {
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { AuditLogClient } from '../client/index.js';
import { AuditLogContext } from './audit-log-context.js';
import { auditLogKeys } from './query-keys.js';

export interface AuditLogProviderProps {
  client: AuditLogClient;
  /** The app's own QueryClient. Left out: the one above this provider, else a private one. */
  queryClient?: QueryClient | undefined;
  children?: ReactNode;
}

/**
 * Gives hooks and components their client. When the client, its tenant or its login
 * changes, the previous scope's requests are cancelled and its cached rows removed; the new
 * scope's keys differ, so not even one frame shows the old tenant's data.
 */
export function AuditLogProvider({ client, queryClient, children }: AuditLogProviderProps) {
  const above = useContext(QueryClientContext);
  const [own] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  const effective = queryClient ?? above ?? own;

  const sessionVersion = useSyncExternalStore(
    (listener) => client.subscribe(listener),
    () => client.sessionVersion,
    () => client.sessionVersion,
  );
  const value = useMemo(() => ({ client, sessionVersion }), [client, sessionVersion]);

  // Compared with the scope of the last commit rather than cleaned up on unmount, so
  // StrictMode's double effects and remounts keep the cache of a scope still in use.
  const committedScope = useRef<readonly unknown[] | null>(null);
  useEffect(() => {
    const scope = auditLogKeys.scope(client);
    const before = committedScope.current;
    committedScope.current = scope;
    if (before && hashKey(before) !== hashKey(scope)) {
      void effective.cancelQueries({ queryKey: before });
      effective.removeQueries({ queryKey: before });
    }
  }, [client, sessionVersion, effective]);

  const content = <AuditLogContext.Provider value={value}>{children}</AuditLogContext.Provider>;
  return effective === above ? (
    content
  ) : (
    <QueryClientProvider client={effective}>{content}</QueryClientProvider>
  );
}
