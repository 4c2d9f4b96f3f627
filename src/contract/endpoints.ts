import type * as z from 'zod/mini';
import {
  APIKeyCreateSchema,
  APIKeyListSchema,
  APIKeyResponseSchema,
  LoginRequestSchema,
  LogoutRequestSchema,
  RefreshRequestSchema,
  TokenResponseSchema,
  UserCreateSchema,
  UserResponseSchema,
  UserUpdateSchema,
} from './schemas/auth.js';
import {
  SessionInfoSchema,
  ViewerSessionCreateSchema,
  ViewerSessionResponseSchema,
} from './schemas/viewer-session.js';
import {
  AuditLogEventBatchCreateSchema,
  AuditLogEventCreateSchema,
  AuditLogEventListSchema,
  AuditLogEventSchema,
  PaginatedAuditLogsSchema,
} from './schemas/event.js';
import { AuditLogExportSchema } from './schemas/export.js';
import { HealthSchema } from './schemas/health.js';
import { FacetsResponseSchema } from './schemas/facets.js';
import {
  EventListParamsSchema,
  ExportParamsSchema,
  FacetsParamsSchema,
  SummaryParamsSchema,
} from './schemas/query.js';
import { AuditLogSummarySchema } from './schemas/summary.js';
import {
  ConsistencyParamsSchema,
  ConsistencyProofSchema,
  ExportManifestSchema,
  JwksSchema,
  LogEntriesParamsSchema,
  LogEntriesSchema,
  ProofsRequestSchema,
  ProofsResponseSchema,
  TreeHeadSchema,
} from './schemas/tamper.js';
import { ROUTES, type Route } from './routes.js';

export { endpointPath, routePattern, type RoutePattern } from './routes.js';

/** What a principal must hold to call an endpoint. */
export type Permission =
  'events:read' | 'events:write' | 'events:export' | 'users:manage' | 'viewers:mint';

export interface Endpoint extends Route {
  /** One line for the API description. */
  summary: string;
  /** More about it, when one line is not enough. */
  description?: string;
  /** Query parameters. */
  params?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** Whether the body may be left out. */
  bodyOptional?: boolean;
  /** The JSON answer; none for 204. */
  answer?: z.ZodMiniType;
  status: 200 | 201 | 204;
  /** `public`: no credentials; `signed-in`: any credential; otherwise the permission needed. */
  permission: 'public' | 'signed-in' | Permission;
  /**
   * Whether repeating the request has no further effect, so a lost answer may be retried;
   * writes are, through the `Idempotency-Key` they carry.
   */
  idempotent: boolean;
  /** Takes an `Idempotency-Key` header: the same key and body answer the first result. */
  idempotencyKey?: boolean;
}

/**
 * Every endpoint of the wire contract, once. Client methods, server routes and the OpenAPI
 * document are built from this table, and a test holds all three to it.
 */
export const ENDPOINTS = {
  health: {
    ...ROUTES.health,
    summary: 'Health check',
    answer: HealthSchema,
    status: 200,
    permission: 'public',
    idempotent: true,
  },
  login: {
    ...ROUTES.login,
    summary: 'Sign in',
    body: LoginRequestSchema,
    answer: TokenResponseSchema,
    status: 200,
    permission: 'public',
    idempotent: false,
  },
  refresh: {
    ...ROUTES.refresh,
    summary: 'Rotate a refresh token',
    body: RefreshRequestSchema,
    answer: TokenResponseSchema,
    status: 200,
    permission: 'public',
    idempotent: false,
  },
  logout: {
    ...ROUTES.logout,
    summary: "Revoke this login's refresh tokens",
    body: LogoutRequestSchema,
    bodyOptional: true,
    status: 204,
    permission: 'signed-in',
    idempotent: true,
  },
  me: {
    ...ROUTES.me,
    summary: 'The signed-in user',
    answer: UserResponseSchema,
    status: 200,
    permission: 'signed-in',
    idempotent: true,
  },
  createUser: {
    ...ROUTES.createUser,
    summary: 'Create a user',
    body: UserCreateSchema,
    answer: UserResponseSchema,
    status: 201,
    permission: 'users:manage',
    idempotent: false,
  },
  // A user may also read and update themself without `users:manage`.
  getUser: {
    ...ROUTES.getUser,
    summary: 'Get a user',
    answer: UserResponseSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  updateUser: {
    ...ROUTES.updateUser,
    summary: 'Update a user',
    body: UserUpdateSchema,
    answer: UserResponseSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  deactivateUser: {
    ...ROUTES.deactivateUser,
    summary: 'Deactivate a user',
    answer: UserResponseSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  createApiKey: {
    ...ROUTES.createApiKey,
    summary: 'Create an API key (the key is shown only in this answer)',
    body: APIKeyCreateSchema,
    answer: APIKeyResponseSchema,
    status: 201,
    permission: 'users:manage',
    idempotent: false,
  },
  listApiKeys: {
    ...ROUTES.listApiKeys,
    summary: "The tenant's API keys, by prefix (extension)",
    answer: APIKeyListSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  revokeApiKey: {
    ...ROUTES.revokeApiKey,
    summary: 'Revoke an API key (extension)',
    answer: APIKeyResponseSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  createViewerSession: {
    ...ROUTES.createViewerSession,
    summary: "A short-lived, read-only session for one of the host's users (extension)",
    description:
      "Minted by the host's backend with an `embed` API key (or a tenant or system admin's token) and handed to the browser. The token reads only its tenant and only inside `scope`, never writes or manages, and has no refresh token: ask the host again before `expires_at`. Its permissions never exceed the minting credential's.",
    body: ViewerSessionCreateSchema,
    answer: ViewerSessionResponseSchema,
    status: 201,
    permission: 'viewers:mint',
    idempotent: false,
  },
  revokeViewerSession: {
    ...ROUTES.revokeViewerSession,
    summary: 'End a viewer session at once (extension)',
    status: 204,
    permission: 'viewers:mint',
    idempotent: true,
  },
  session: {
    ...ROUTES.session,
    summary: 'What this credential is and may do, for any kind of credential (extension)',
    answer: SessionInfoSchema,
    status: 200,
    permission: 'signed-in',
    idempotent: true,
  },
  createEvent: {
    ...ROUTES.createEvent,
    summary: 'Create an event',
    body: AuditLogEventCreateSchema,
    answer: AuditLogEventSchema,
    status: 201,
    permission: 'events:write',
    idempotent: true,
    idempotencyKey: true,
  },
  createEventsBatch: {
    ...ROUTES.createEventsBatch,
    summary: 'Create 1 to 1000 events in one transaction, answered in request order',
    body: AuditLogEventBatchCreateSchema,
    answer: AuditLogEventListSchema,
    status: 201,
    permission: 'events:write',
    idempotent: true,
    idempotencyKey: true,
  },
  queryEvents: {
    ...ROUTES.queryEvents,
    summary: 'Query events',
    params: EventListParamsSchema,
    answer: PaginatedAuditLogsSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  // Registered before `getEvent`, whose `{id}` would otherwise shadow it.
  exportEvents: {
    ...ROUTES.exportEvents,
    summary: 'Export events as a JSON document or streamed CSV',
    description:
      'Both formats stream. `columns` (repeated) keeps only those fields, in that order: the CSV header and cells, or the keys of each JSON object. The `X-Export-Id` header names the signed manifest, readable once the body has been sent in full.',
    params: ExportParamsSchema,
    answer: AuditLogExportSchema,
    status: 200,
    permission: 'events:export',
    idempotent: true,
  },
  // Registered before `getEvent` too.
  getFacets: {
    ...ROUTES.getFacets,
    summary: 'The most frequent values of chosen fields over the filtered events, with counts',
    description:
      '`fields` (repeated) names the fields to count; `limit` (1..100, default 10) values per field, by count descending, then value ascending. Events whose field is null are not counted. Takes the filters of the event list, exclusions included.',
    params: FacetsParamsSchema,
    answer: FacetsResponseSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  getEvent: {
    ...ROUTES.getEvent,
    summary: 'Get one event',
    answer: AuditLogEventSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  getSummary: {
    ...ROUTES.getSummary,
    summary: 'Counts over the filtered events, with an optional timeline',
    params: SummaryParamsSchema,
    answer: AuditLogSummarySchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  treeHead: {
    ...ROUTES.treeHead,
    summary: "The tenant's log as it stands: size and root, signed (extension)",
    answer: TreeHeadSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  publicKeys: {
    ...ROUTES.publicKeys,
    summary: 'Every key that signs tree heads and export manifests, as a JWKS (extension)',
    answer: JwksSchema,
    status: 200,
    permission: 'public',
    idempotent: true,
  },
  proofs: {
    ...ROUTES.proofs,
    summary: 'Inclusion proofs for up to 1000 events at one tree size (extension)',
    body: ProofsRequestSchema,
    answer: ProofsResponseSchema,
    status: 200,
    permission: 'events:read',
    // Reads only: as safe to repeat as a GET.
    idempotent: true,
  },
  consistency: {
    ...ROUTES.consistency,
    summary: 'Proof that the log at size `first` is a prefix of the log at `second` (extension)',
    params: ConsistencyParamsSchema,
    answer: ConsistencyProofSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  logEntries: {
    ...ROUTES.logEntries,
    summary: 'The stored events at places `start`..`end - 1` of the log, by sequence (extension)',
    description:
      'At most 1000 places. A place whose stored row is gone is absent from `events`: with the ' +
      'signed log, a client sees that a row was deleted even where the tree still holds its leaf.',
    params: LogEntriesParamsSchema,
    answer: LogEntriesSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  exportManifest: {
    ...ROUTES.exportManifest,
    summary: 'The signed manifest of a finished export, by its X-Export-Id (extension)',
    answer: ExportManifestSchema,
    status: 200,
    permission: 'events:export',
    idempotent: true,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
