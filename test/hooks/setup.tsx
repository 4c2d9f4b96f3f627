import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AuditLogClient } from '../../src/client/index.js';
import { AuditLogProvider } from '../../src/hooks/index.js';
import { createAuditLogTestServer, type AuditLogTestServer } from '../../src/server/index.js';

export async function testServer(options: Parameters<typeof createAuditLogTestServer>[0] = {}) {
  return createAuditLogTestServer({ seed: { eventsPerTenant: 120 }, ...options });
}

export function newClient(server: AuditLogTestServer, fetchImpl: typeof fetch = server.fetch) {
  return new AuditLogClient({ baseUrl: server.baseUrl, fetch: fetchImpl, retryDelay: 0 });
}

export async function signedInClient(server: AuditLogTestServer, username: string, tenant: string) {
  const client = newClient(server);
  await client.login({ username, password: 'audit-demo', tenant_id: tenant });
  return client;
}

/** A fresh QueryClient per test, as TanStack Query's own tests do. */
export function freshQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

export function wrapperFor(client: AuditLogClient, queryClient = freshQueryClient()) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <AuditLogProvider client={client} queryClient={queryClient}>
        {children}
      </AuditLogProvider>
    );
  };
}

/** A Blob's text: jsdom's Blob has no text(); FileReader is what a page would use anyway. */
export function readBlobText(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('No file was kept in memory'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsText(blob);
  });
}
