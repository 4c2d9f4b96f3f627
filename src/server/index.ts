// `audit-log-sdk/testing`: the reference API in-process, for tests and stories.
export { createAuditLogTestServer } from './test-server.js';
export type { AuditLogTestServer, AuditLogTestServerOptions } from './test-server.js';
export { createAuditLogApp, API_VERSION } from './app.js';
export type { AuditLogAppOptions } from './app-options.js';
export { MemoryStore } from './store/memory-store.js';
export type * from './store/types.js';
export { DuplicateError } from './store/types.js';
export { seedDemoData, DEMO_API_KEYS, DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from './seed.js';
export type { SeedOptions, SeedResult } from './seed.js';
export { buildOpenApiDocument } from './openapi.js';
export { rotateTreeSigningKey } from './merkle/signing-keys.js';
export { HOSTILE_EVENTS, HOSTILE_MARKER } from './hostile-events.js';
// The whole wire contract, for servers, fixtures and tests of your own: every zod schema
// (request parameters included), the endpoint and field tables and the query codec.
export * from '../contract/schemas/index.js';
export {
  ENDPOINTS,
  endpointPath,
  type Endpoint,
  type EndpointName,
} from '../contract/endpoints.js';
export { FILTER_FIELDS, type FilterField } from '../contract/field-table.js';
export { toSearchParams } from '../contract/query-params.js';
