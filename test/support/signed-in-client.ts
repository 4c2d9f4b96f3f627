import { AuditLogClient } from '../../src/client/index.js';
import { DEMO_PASSWORD, type AuditLogTestServer } from '../../src/server/index.js';

/**
 * A client signed in as acme's admin against an in-process server, answered without sockets;
 * each request's method and path is noted in `requests`, so a test can count what was asked.
 */
export async function signedInClient(server: AuditLogTestServer, requests: string[] = []) {
  const client = new AuditLogClient({
    baseUrl: server.baseUrl,
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return server.fetch(request);
    },
    retryDelay: 0,
  });
  await client.login({ username: 'admin', password: DEMO_PASSWORD, tenant_id: 'acme' });
  return client;
}
