// An app that embeds the viewer from the installed tarball, as the README shows, and uses
// nothing else of the package. The API's address, key and tenant come from the page's URL.
import { QueryClient } from '@tanstack/react-query';
import { AuditLogClient } from 'audit-log-sdk';
import { AuditLogViewer } from 'audit-log-sdk/components';
import { AuditLogProvider } from 'audit-log-sdk/react';
import 'audit-log-sdk/styles.css';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const client = new AuditLogClient({
  baseUrl: params.get('api') ?? location.origin,
  apiKey: params.get('key') ?? 'none',
  tenantId: params.get('tenant') ?? 'none',
});

createRoot(document.getElementById('root')!).render(
  <AuditLogProvider client={client} queryClient={new QueryClient()}>
    <AuditLogViewer />
  </AuditLogProvider>,
);
