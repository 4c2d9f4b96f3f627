// An app that installed the packed tarball: every entry, imported by its public name.
import { QueryClient } from '@tanstack/react-query';
import { AuditLogClient, ValidationError } from 'audit-log-sdk';
import { AuditEventQueue } from 'audit-log-sdk/queue';
import { EventVolumeChart } from 'audit-log-sdk/charts';
import { AuditLogViewer, LoginForm } from 'audit-log-sdk/components';
import { AuditLogProvider, useAuditSession } from 'audit-log-sdk/react';
import 'audit-log-sdk/styles.css';
import { createAuditLogTestServer } from 'audit-log-sdk/testing';
import { createRoot } from 'react-dom/client';

const server = await createAuditLogTestServer();
const client = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
const queue = await AuditEventQueue.open({ client });
const invalid: boolean = new ValidationError('example') instanceof Error;

function App() {
  const { isAuthenticated } = useAuditSession();
  return isAuthenticated ? <AuditLogViewer /> : <LoginForm />;
}

createRoot(document.getElementById('root')!).render(
  <AuditLogProvider client={client} queryClient={new QueryClient()}>
    <App />
  </AuditLogProvider>,
);
void queue.flush();
console.log(invalid, typeof EventVolumeChart);
