import { AuditLogClient, type AuditLogEventCreate } from 'audit-log-sdk';
import { createAuditLogTestServer, HOSTILE_EVENTS, type MemoryStore } from 'audit-log-sdk/testing';

/** How a story's reference server behaves; stories set it as `parameters.audit`. */
export interface AuditStoryServer {
  /** Who is signed in. Default `manager` of `acme`. */
  user?: string;
  tenant?: string;
  /** Seeded events per tenant. Default 200; 0 for an empty tenant. */
  events?: number;
  /** Store the hostile corpus in the signed-in tenant, on top of the seed. */
  hostile?: boolean;
  /** Store a few access records (reads of the log by a host's viewer and an API key). */
  accessRecords?: boolean;
  /**
   * `ok` answers; `loading` never answers data requests (the story stays loading);
   * `error` answers them with a 503.
   */
  answers?: 'ok' | 'loading' | 'error';
  /** Store the life of one resource, `project` `apollo`: created, changed, archived. */
  resourceHistory?: boolean;
  /** Not signed in: for the login form. */
  signedOut?: boolean;
  /**
   * Rewrites the descriptions of the newest events, every `tampered`-th of the first 20, behind
   * the API's back, as someone with database access could: their rows fail verification.
   */
  tampered?: number;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const accessRecord = (minutes: number, user_id: string, action: string, metadata: object) =>
  ({
    timestamp: minutesAgo(minutes),
    event_type: 'data_access',
    severity: 'info',
    action,
    resource_type: 'audit_log',
    user_id,
    description: `Read the audit log (${action})`,
    metadata: { ...metadata },
  }) as const;

/** Reads of the log as the server records them: who, what, for which query, how many rows. */
const SAMPLE_ACCESS_RECORDS = [
  accessRecord(30, 'viewer:dana', 'audit_log.query', {
    filters: { severities: ['error', 'critical'], search: 'login' },
    result_count: 12,
    session_kind: 'viewer',
  }),
  accessRecord(25, 'viewer:dana', 'audit_log.view_event', {
    event_id: 'evt_0001',
    session_kind: 'viewer',
  }),
  accessRecord(20, 'viewer:dana', 'audit_log.export', {
    filters: { event_types: ['authentication'] },
    result_count: 340,
    format: 'csv',
    session_kind: 'viewer',
  }),
  accessRecord(10, 'api_key:alk_3f9a', 'audit_log.summary', {
    filters: {},
    session_kind: 'api_key',
  }),
];

/** One project's events, each recording its change as before and after. */
const APOLLO_HISTORY = (
  [
    [240, 'create', {}, { name: 'Apollo', status: 'draft', owner: 'alice' }],
    [180, 'update', { status: 'draft' }, { status: 'review' }],
    [120, 'read', null, null],
    [90, 'update', { status: 'review', owner: 'alice' }, { status: 'live', owner: 'bob' }],
    [30, 'archive', { status: 'live' }, { status: 'archived' }],
  ] as const
).map(([minutes, action, before, after]) => ({
  timestamp: minutesAgo(minutes),
  event_type: action === 'read' ? 'data_access' : 'data_modification',
  severity: action === 'archive' ? 'warning' : 'info',
  action,
  resource_type: 'project',
  resource_id: 'apollo',
  user_id: minutes > 100 ? 'alice@acme.example' : 'bob@acme.example',
  description: `Project Apollo: ${action}`,
  metadata: before && after ? { before: { ...before }, after: { ...after } } : null,
})) satisfies AuditLogEventCreate[];

const DATA_PATHS = ['/api/v1/audit/', '/api/v1/users/me'];

function isDataRequest(input: RequestInfo | URL): boolean {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return DATA_PATHS.some((path) => url.pathname.startsWith(path));
}

/** ky hands `fetch` a Request that carries the signal, so look there before `init`. */
function hangUntilAborted(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const signal = input instanceof Request ? input.signal : init?.signal;
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

const unavailable = () =>
  new Response(JSON.stringify({ detail: 'The audit store is unavailable' }), {
    status: 503,
    headers: { 'Content-Type': 'application/json' },
  });

/**
 * A story's client, talking to the reference API in the same page: no network, and a fresh
 * server per story so stories never see each other's writes.
 */
export async function createStoryClient(options: AuditStoryServer): Promise<AuditLogClient> {
  const { user = 'manager', tenant = 'acme', events = 200, answers = 'ok' } = options;
  const server = await createAuditLogTestServer({ seed: { eventsPerTenant: events } });
  const fetch: typeof globalThis.fetch = (input, init) => {
    if (answers !== 'ok' && isDataRequest(input)) {
      return answers === 'loading' ? hangUntilAborted(input, init) : Promise.resolve(unavailable());
    }
    return server.fetch(input, init);
  };
  // No retries: an error story should show its error at once, not after a backoff.
  const client = new AuditLogClient({ baseUrl: server.baseUrl, fetch, maxRetries: 0 });
  if (options.hostile) {
    const writer = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
    await writer.login({ username: 'writer', password: 'audit-demo', tenant_id: tenant });
    await writer.createEventsBatch([...HOSTILE_EVENTS]);
  }
  if (options.tampered) {
    const every = options.tampered;
    (server.store as MemoryStore).editStoredEvents(tenant, (rows) => {
      const newest = [...rows].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
      newest.slice(0, 20).forEach((row, index) => {
        if (index % every === 1) row.description = `${row.description} (edited in the database)`;
      });
    });
  }
  if (options.accessRecords) {
    const writer = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
    await writer.login({ username: 'writer', password: 'audit-demo', tenant_id: tenant });
    await writer.createEventsBatch(SAMPLE_ACCESS_RECORDS.map((record) => ({ ...record })));
  }
  if (options.resourceHistory) {
    const writer = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
    await writer.login({ username: 'writer', password: 'audit-demo', tenant_id: tenant });
    await writer.createEventsBatch(APOLLO_HISTORY);
  }
  if (!options.signedOut) {
    await client.login({ username: user, password: 'audit-demo', tenant_id: tenant });
  }
  return client;
}
