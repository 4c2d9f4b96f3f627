import type * as z from 'zod/mini';
import {
  APIKeyCreateSchema,
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
  AuditLogEventBatchCreateSchema,
  AuditLogEventCreateSchema,
  AuditLogEventListSchema,
  AuditLogEventSchema,
  PaginatedAuditLogsSchema,
} from './schemas/event.js';
import { AuditLogExportSchema } from './schemas/export.js';
import { HealthSchema } from './schemas/health.js';
import { EventListParamsSchema, ExportParamsSchema, SummaryParamsSchema } from './schemas/query.js';
import { AuditLogSummarySchema } from './schemas/summary.js';

/** What a principal must hold to call an endpoint. */
export type Permission = 'events:read' | 'events:write' | 'events:export' | 'users:manage';

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** From the API root, path parameters as `{name}` (OpenAPI's spelling). */
  path: string;
  /** One line for the API description. */
  summary: string;
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
    method: 'GET',
    path: '/health',
    summary: 'Health check',
    answer: HealthSchema,
    status: 200,
    permission: 'public',
    idempotent: true,
  },
  login: {
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in',
    body: LoginRequestSchema,
    answer: TokenResponseSchema,
    status: 200,
    permission: 'public',
    idempotent: false,
  },
  refresh: {
    method: 'POST',
    path: '/api/v1/auth/refresh',
    summary: 'Rotate a refresh token',
    body: RefreshRequestSchema,
    answer: TokenResponseSchema,
    status: 200,
    permission: 'public',
    idempotent: false,
  },
  logout: {
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: "Revoke this login's refresh tokens",
    body: LogoutRequestSchema,
    bodyOptional: true,
    status: 204,
    permission: 'signed-in',
    idempotent: true,
  },
  me: {
    method: 'GET',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user',
    answer: UserResponseSchema,
    status: 200,
    permission: 'signed-in',
    idempotent: true,
  },
  createUser: {
    method: 'POST',
    path: '/api/v1/auth/users',
    summary: 'Create a user',
    body: UserCreateSchema,
    answer: UserResponseSchema,
    status: 201,
    permission: 'users:manage',
    idempotent: false,
  },
  // A user may also read and update themself without `users:manage`.
  getUser: {
    method: 'GET',
    path: '/api/v1/auth/users/{id}',
    summary: 'Get a user',
    answer: UserResponseSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  updateUser: {
    method: 'PUT',
    path: '/api/v1/auth/users/{id}',
    summary: 'Update a user',
    body: UserUpdateSchema,
    answer: UserResponseSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  deactivateUser: {
    method: 'DELETE',
    path: '/api/v1/auth/users/{id}',
    summary: 'Deactivate a user',
    answer: UserResponseSchema,
    status: 200,
    permission: 'users:manage',
    idempotent: true,
  },
  createApiKey: {
    method: 'POST',
    path: '/api/v1/auth/api-keys',
    summary: 'Create an API key (the key is shown only in this answer)',
    body: APIKeyCreateSchema,
    answer: APIKeyResponseSchema,
    status: 201,
    permission: 'users:manage',
    idempotent: false,
  },
  createEvent: {
    method: 'POST',
    path: '/api/v1/audit/events',
    summary: 'Create an event',
    body: AuditLogEventCreateSchema,
    answer: AuditLogEventSchema,
    status: 201,
    permission: 'events:write',
    idempotent: true,
    idempotencyKey: true,
  },
  createEventsBatch: {
    method: 'POST',
    path: '/api/v1/audit/events/batch',
    summary: 'Create 1 to 1000 events in one transaction, answered in request order',
    body: AuditLogEventBatchCreateSchema,
    answer: AuditLogEventListSchema,
    status: 201,
    permission: 'events:write',
    idempotent: true,
    idempotencyKey: true,
  },
  queryEvents: {
    method: 'GET',
    path: '/api/v1/audit/events',
    summary: 'Query events',
    params: EventListParamsSchema,
    answer: PaginatedAuditLogsSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  // Registered before `getEvent`, whose `{id}` would otherwise shadow it.
  exportEvents: {
    method: 'GET',
    path: '/api/v1/audit/events/export',
    summary: 'Export events as a JSON document or streamed CSV',
    params: ExportParamsSchema,
    answer: AuditLogExportSchema,
    status: 200,
    permission: 'events:export',
    idempotent: true,
  },
  getEvent: {
    method: 'GET',
    path: '/api/v1/audit/events/{id}',
    summary: 'Get one event',
    answer: AuditLogEventSchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
  getSummary: {
    method: 'GET',
    path: '/api/v1/audit/summary',
    summary: 'Counts over the filtered events, with an optional timeline',
    params: SummaryParamsSchema,
    answer: AuditLogSummarySchema,
    status: 200,
    permission: 'events:read',
    idempotent: true,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/**
 * An endpoint's path with its `{name}` parameters filled in. Each value is encoded, so an id
 * can never add a segment or a query.
 */
export function endpointPath(endpoint: Endpoint, values: Record<string, string> = {}): string {
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
export function routePattern<E extends Endpoint>(endpoint: E): RoutePattern<E['path']> {
  return endpoint.path.replace(/\{(\w+)\}/g, ':$1') as RoutePattern<E['path']>;
}
