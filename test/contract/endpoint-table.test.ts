import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogClient } from '../../src/client/index.js';
import {
  ENDPOINTS,
  endpointPath,
  routePattern,
  type Endpoint,
  type EndpointName,
} from '../../src/contract/endpoints.js';
import { createAuditLogApp, API_VERSION } from '../../src/server/app.js';
import { buildOpenApiDocument } from '../../src/server/openapi.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import { createAuditLogTestServer, type AuditLogTestServer } from '../../src/server/index.js';

const table = Object.entries(ENDPOINTS) as [EndpointName, Endpoint][];
const signature = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const tableSignatures = table.map(([, e]) => signature(e.method, e.path)).sort();

/** `/users/{id}` as a pattern matching one encoded segment in its place. */
const pathMatcher = (endpoint: Endpoint) =>
  new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, '[^/]+')}$`);

describe('the endpoint table', () => {
  it('is what the server routes: every entry has its route and no route is missing from it', () => {
    const app = createAuditLogApp({ store: new MemoryStore(), jwtSecret: 'x'.repeat(32) });
    const routes = app.routes
      .filter((r) => r.method !== 'ALL' && r.path !== '/openapi.json')
      .map((r) => signature(r.method, r.path));
    const expected = table.map(([, e]) => signature(e.method, routePattern(e)));
    expect([...new Set(routes)].sort()).toEqual(expected.sort());
  });

  it('is what the OpenAPI document describes, method by method, with the same bodies', () => {
    const doc = buildOpenApiDocument(API_VERSION) as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
    };
    const described = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => signature(method, path)),
    );
    expect(described.sort()).toEqual(tableSignatures);
    for (const [, endpoint] of table) {
      const op = doc.paths[endpoint.path]![endpoint.method.toLowerCase()]!;
      expect(op.requestBody !== undefined).toBe(endpoint.body !== undefined);
      expect(Object.keys(op.responses)).toContain(String(endpoint.status));
    }
  });

  describe('and the client', () => {
    let server: AuditLogTestServer;
    const sent: { method: string; path: string }[] = [];
    let client: AuditLogClient;

    beforeAll(async () => {
      server = await createAuditLogTestServer({ seed: { eventsPerTenant: 5 } });
      client = new AuditLogClient({
        baseUrl: server.baseUrl,
        retryDelay: 0,
        maxRetries: 0,
        fetch: (input, init) => {
          const request = new Request(input, init);
          sent.push({ method: request.method, path: new URL(request.url).pathname });
          return server.fetch(request);
        },
      });
      await client.login({ username: 'admin', password: 'audit-demo', tenant_id: 'acme' });
    });

    // One call per endpoint; an endpoint added to the table without a client method fails
    // the first test below.
    const CALLS: Record<EndpointName, (c: AuditLogClient) => Promise<unknown>> = {
      health: (c) => c.health(),
      login: (c) => c.login({ username: 'admin', password: 'audit-demo', tenant_id: 'acme' }),
      refresh: (c) => c.refreshToken(),
      me: (c) => c.getCurrentUser(),
      createUser: (c) =>
        c.createUser({
          username: `u${Date.now()}`,
          email: `u${Date.now()}@example.com`,
          password: 'Endpoint-Table-Pass-1',
          roles: ['audit_viewer'],
        }),
      getUser: (c) => c.getUser('someone'),
      updateUser: (c) => c.updateUser('someone', { full_name: 'Some One' }),
      deactivateUser: (c) => c.deactivateUser('someone'),
      createApiKey: (c) => c.createApiKey({ name: 'table', permissions: ['read'] }),
      listApiKeys: (c) => c.listApiKeys(),
      revokeApiKey: (c) => c.revokeApiKey('no-such-key'),
      createViewerSession: (c) =>
        c.createViewerSession({ subject: { id: 'customer-admin' }, permissions: ['read'] }),
      revokeViewerSession: (c) => c.revokeViewerSession('no-such-session'),
      session: (c) => c.getSession(),
      createEvent: (c) =>
        c.createEvent({
          event_type: 'user_action',
          resource_type: 'doc',
          action: 'read',
          severity: 'info',
          description: 'endpoint table',
        }),
      createEventsBatch: (c) =>
        c.createEventsBatch([
          {
            event_type: 'user_action',
            resource_type: 'doc',
            action: 'read',
            severity: 'info',
            description: 'endpoint table',
          },
        ]),
      queryEvents: (c) => c.queryEvents(),
      exportEvents: (c) => c.exportEvents({}, { format: 'json' }),
      getEvent: (c) => c.getEvent('no-such-event'),
      getSummary: (c) => c.getSummary(),
      getFacets: (c) => c.getFacets(['action']),
      treeHead: (c) => c.getTreeHead(),
      publicKeys: (c) => c.getPublicKeys(),
      proofs: (c) => c.getInclusionProofs(['no-such-event'], 1),
      logEntries: (c) => c.getLogEntries(0, 1),
      consistency: (c) => c.getConsistencyProof(0, 1),
      exportManifest: (c) => c.getExportManifest('no-such-export'),
      // Last: it ends the session the others use.
      logout: (c) => c.logout(),
    };

    it('has a method for every endpoint', () => {
      expect(Object.keys(CALLS).sort()).toEqual(table.map(([name]) => name).sort());
    });

    it.each(Object.keys(CALLS) as EndpointName[])(
      'sends %s with the method and path the table names',
      async (name) => {
        sent.length = 0;
        await CALLS[name](client).catch(() => undefined);
        const endpoint: Endpoint = ENDPOINTS[name];
        expect(sent[0]).toBeDefined();
        expect(sent[0]!.method).toBe(endpoint.method);
        expect(sent[0]!.path).toMatch(pathMatcher(endpoint));
      },
    );
  });

  describe('permissions', () => {
    let server: AuditLogTestServer;
    const keys: Partial<Record<string, string>> = {};

    beforeAll(async () => {
      server = await createAuditLogTestServer({ seed: { eventsPerTenant: 5 } });
      const admin = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
      await admin.login({ username: 'admin', password: 'audit-demo', tenant_id: 'acme' });
      for (const permission of ['read', 'write'] as const) {
        const created = await admin.createApiKey({ name: permission, permissions: [permission] });
        keys[permission] = created.key!;
      }
      keys.all = (
        await admin.createApiKey({ name: 'all', permissions: ['read', 'write', 'export'] })
      ).key!;
    });

    // A key that holds everything but the permission named.
    // An update is read before the self-or-manager check, so it must be a valid one.
    const bodies: Partial<Record<EndpointName, unknown>> = { updateUser: { full_name: 'x' } };
    const lacking = { 'events:read': 'write', 'events:write': 'read', 'events:export': 'read' };

    it.each(table.filter(([, e]) => e.permission.includes(':')))(
      '%s is refused to a credential without its permission',
      async (name, endpoint) => {
        const key = keys[lacking[endpoint.permission as keyof typeof lacking] ?? 'all']!;
        const response = await server.fetch(
          `${server.baseUrl}${endpointPath(endpoint, { id: 'someone' })}`,
          {
            method: endpoint.method,
            headers: {
              'X-API-Key': key,
              'X-Tenant-ID': 'acme',
              ...(endpoint.body ? { 'Content-Type': 'application/json' } : {}),
            },
            ...(endpoint.body ? { body: JSON.stringify(bodies[name] ?? {}) } : {}),
          },
        );
        expect(response.status).toBe(403);
      },
    );
  });
});
