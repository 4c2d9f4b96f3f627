/** An endpoint's method and path: all the client needs to call it. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** From the API root, path parameters as `{name}` (OpenAPI's spelling). */
  path: string;
}

/**
 * Where each endpoint of the contract lives, kept apart from its schemas (endpoints.ts) so
 * a browser client imports the paths without the server's request schemas.
 */
export const ROUTES = {
  health: { method: 'GET', path: '/health' },
  login: { method: 'POST', path: '/api/v1/auth/login' },
  refresh: { method: 'POST', path: '/api/v1/auth/refresh' },
  logout: { method: 'POST', path: '/api/v1/auth/logout' },
  me: { method: 'GET', path: '/api/v1/auth/me' },
  createUser: { method: 'POST', path: '/api/v1/auth/users' },
  getUser: { method: 'GET', path: '/api/v1/auth/users/{id}' },
  updateUser: { method: 'PUT', path: '/api/v1/auth/users/{id}' },
  deactivateUser: { method: 'DELETE', path: '/api/v1/auth/users/{id}' },
  createApiKey: { method: 'POST', path: '/api/v1/auth/api-keys' },
  listApiKeys: { method: 'GET', path: '/api/v1/auth/api-keys' },
  revokeApiKey: { method: 'DELETE', path: '/api/v1/auth/api-keys/{id}' },
  createViewerSession: { method: 'POST', path: '/api/v1/auth/viewer-sessions' },
  revokeViewerSession: { method: 'DELETE', path: '/api/v1/auth/viewer-sessions/{id}' },
  session: { method: 'GET', path: '/api/v1/auth/session' },
  createEvent: { method: 'POST', path: '/api/v1/audit/events' },
  createEventsBatch: { method: 'POST', path: '/api/v1/audit/events/batch' },
  queryEvents: { method: 'GET', path: '/api/v1/audit/events' },
  exportEvents: { method: 'GET', path: '/api/v1/audit/events/export' },
  getFacets: { method: 'GET', path: '/api/v1/audit/events/facets' },
  getEvent: { method: 'GET', path: '/api/v1/audit/events/{id}' },
  getSummary: { method: 'GET', path: '/api/v1/audit/summary' },
  treeHead: { method: 'GET', path: '/api/v1/audit/tree-head' },
  publicKeys: { method: 'GET', path: '/api/v1/audit/public-keys' },
  proofs: { method: 'POST', path: '/api/v1/audit/proofs' },
  consistency: { method: 'GET', path: '/api/v1/audit/consistency' },
  logEntries: { method: 'GET', path: '/api/v1/audit/entries' },
  exportManifest: { method: 'GET', path: '/api/v1/audit/exports/{id}/manifest' },
} as const satisfies Record<string, Route>;

/**
 * An endpoint's path with its `{name}` parameters filled in. Each value is encoded, so an id
 * can never add a segment or a query.
 */
export function endpointPath(endpoint: Route, values: Record<string, string> = {}): string {
  return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TypeError(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** `/users/{id}` as `/users/:id`, at the type level too, so routers infer their params. */
export type RoutePattern<P extends string> = P extends `${infer A}{${infer N}}${infer B}`
  ? `${A}:${N}${RoutePattern<B>}`
  : P;

/** The path as a router pattern (`/users/:id`), for Hono and similar routers. */
export function routePattern<E extends Route>(endpoint: E): RoutePattern<E['path']> {
  return endpoint.path.replace(/\{(\w+)\}/g, ':$1') as RoutePattern<E['path']>;
}
