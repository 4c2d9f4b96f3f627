import * as z from 'zod/mini';
import {
  APIKeyCreateSchema,
  APIKeyListSchema,
  APIKeyResponseSchema,
  AuditLogEventBatchCreateSchema,
  AuditLogEventCreateSchema,
  AuditLogEventSchema,
  AuditLogExportSchema,
  AuditLogSummarySchema,
  ErrorBodySchema,
  EventListParamsSchema,
  ExportParamsSchema,
  HealthSchema,
  LoginRequestSchema,
  JsonObjectSchema,
  MetadataSchema,
  LogoutRequestSchema,
  PaginatedAuditLogsSchema,
  RefreshRequestSchema,
  SummaryParamsSchema,
  TimestampSchema,
  TimestampString,
  TokenResponseSchema,
  UserCreateSchema,
  UserResponseSchema,
  UserUpdateSchema,
} from '../contract/schemas/index.js';

type JsonSchema = Record<string, unknown>;

// Requests are documented as what a client may send (input), answers as what it receives
// (output); both come from the schemas the server validates with, so the document cannot drift.
const REQUESTS = {
  LoginRequest: LoginRequestSchema,
  RefreshRequest: RefreshRequestSchema,
  LogoutRequest: LogoutRequestSchema,
  UserCreate: UserCreateSchema,
  UserUpdate: UserUpdateSchema,
  APIKeyCreate: APIKeyCreateSchema,
  AuditLogEventCreate: AuditLogEventCreateSchema,
  AuditLogEventBatchCreate: AuditLogEventBatchCreateSchema,
};
const RESPONSES = {
  TokenResponse: TokenResponseSchema,
  UserResponse: UserResponseSchema,
  APIKeyResponse: APIKeyResponseSchema,
  APIKeyList: APIKeyListSchema,
  AuditLogEvent: AuditLogEventSchema,
  PaginatedAuditLogs: PaginatedAuditLogsSchema,
  AuditLogSummary: AuditLogSummarySchema,
  AuditLogExport: AuditLogExportSchema,
  Health: HealthSchema,
  Error: ErrorBodySchema,
};

function componentSchemas(
  schemas: Record<string, z.ZodMiniType>,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      override: (ctx) => {
        if (ctx.zodSchema === TimestampSchema || ctx.zodSchema === TimestampString) {
          for (const key of Object.keys(ctx.jsonSchema))
            Reflect.deleteProperty(ctx.jsonSchema, key);
          Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
        }
        if (ctx.zodSchema === MetadataSchema || ctx.zodSchema === JsonObjectSchema) {
          Object.assign(ctx.jsonSchema, { type: 'object', additionalProperties: {} });
        }
      },
    }) as JsonSchema;
    delete json.$schema;
    out[name] = json;
  }
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const ok = (name: string, description = 'OK') => ({ description, content: json(name) });

function queryParameters(schema: z.ZodMiniObject): JsonSchema[] {
  const properties = (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
    .properties as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
    ...(property.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

const ERROR_RESPONSES = {
  '400': { description: 'Validation error', content: json('Error') },
  '401': { description: 'Not authenticated', content: json('Error') },
  '403': { description: 'Not allowed', content: json('Error') },
  '429': { description: 'Rate limited (see Retry-After)', content: json('Error') },
  '500': { description: 'Server error', content: json('Error') },
};

const idempotencyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 255 },
  description: 'Replays of the same key and body within 24 h answer the first result',
};

/** The OpenAPI 3.1 description of the API, built from the wire schemas. */
export function buildOpenApiDocument(version: string): JsonSchema {
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Audit Log Framework API',
      version,
      description: 'Reference implementation of the Audit Log Framework API wire contract (v1).',
    },
    security: [{ bearer: [] }, { apiKey: [], tenant: [] }],
    paths: {
      '/health': {
        get: { security: [], summary: 'Health check', responses: { '200': ok('Health') } },
      },
      '/api/v1/auth/login': {
        post: {
          security: [],
          summary: 'Sign in',
          requestBody: { required: true, content: json('LoginRequest') },
          responses: { '200': ok('TokenResponse'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/auth/refresh': {
        post: {
          security: [],
          summary: 'Rotate a refresh token',
          requestBody: { required: true, content: json('RefreshRequest') },
          responses: { '200': ok('TokenResponse'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/auth/logout': {
        post: {
          summary: "Revoke this login's refresh tokens",
          requestBody: { required: false, content: json('LogoutRequest') },
          responses: { '204': { description: 'Signed out' }, ...ERROR_RESPONSES },
        },
      },
      '/api/v1/auth/me': {
        get: {
          summary: 'The signed-in user',
          responses: { '200': ok('UserResponse'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/auth/users': {
        post: {
          summary: 'Create a user',
          requestBody: { required: true, content: json('UserCreate') },
          responses: { '201': ok('UserResponse', 'Created'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/auth/users/{id}': {
        parameters: [idParam],
        get: {
          summary: 'Get a user',
          responses: { '200': ok('UserResponse'), ...ERROR_RESPONSES },
        },
        put: {
          summary: 'Update a user',
          requestBody: { required: true, content: json('UserUpdate') },
          responses: { '200': ok('UserResponse'), ...ERROR_RESPONSES },
        },
        delete: {
          summary: 'Deactivate a user',
          responses: { '200': ok('UserResponse'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/auth/api-keys': {
        post: {
          summary: 'Create an API key (the key is shown only in this answer)',
          requestBody: { required: true, content: json('APIKeyCreate') },
          responses: { '201': ok('APIKeyResponse', 'Created'), ...ERROR_RESPONSES },
        },
        get: {
          summary: "The tenant's API keys, by prefix (extension)",
          responses: { '200': ok('APIKeyList'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/auth/api-keys/{id}': {
        parameters: [idParam],
        delete: {
          summary: 'Revoke an API key (extension)',
          responses: { '200': ok('APIKeyResponse'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/audit/events': {
        post: {
          summary: 'Create an event',
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: json('AuditLogEventCreate') },
          responses: { '201': ok('AuditLogEvent', 'Created'), ...ERROR_RESPONSES },
        },
        get: {
          summary: 'Query events',
          parameters: queryParameters(EventListParamsSchema),
          responses: { '200': ok('PaginatedAuditLogs'), ...ERROR_RESPONSES },
        },
      },
      '/api/v1/audit/events/batch': {
        post: {
          summary: 'Create 1 to 1000 events in one transaction',
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: json('AuditLogEventBatchCreate') },
          responses: {
            '201': {
              description: 'Created, in request order',
              content: {
                'application/json': { schema: { type: 'array', items: ref('AuditLogEvent') } },
              },
            },
            ...ERROR_RESPONSES,
          },
        },
      },
      '/api/v1/audit/events/export': {
        get: {
          summary: 'Export events as a JSON document or streamed CSV',
          description:
            'Both formats stream. `columns` (repeated) keeps only those fields, in that order: ' +
            'the CSV header and cells, or the keys of each JSON object.',
          parameters: queryParameters(ExportParamsSchema),
          responses: {
            '200': {
              description: 'The export',
              content: {
                'application/json': { schema: ref('AuditLogExport') },
                'text/csv': { schema: { type: 'string' } },
              },
            },
            ...ERROR_RESPONSES,
          },
        },
      },
      '/api/v1/audit/events/{id}': {
        parameters: [idParam],
        get: {
          summary: 'Get one event',
          responses: {
            '200': ok('AuditLogEvent'),
            '404': { description: 'Not found', content: json('Error') },
            ...ERROR_RESPONSES,
          },
        },
      },
      '/api/v1/audit/summary': {
        get: {
          summary: 'Counts over the filtered events, with an optional timeline',
          parameters: queryParameters(SummaryParamsSchema),
          responses: { '200': ok('AuditLogSummary'), ...ERROR_RESPONSES },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        tenant: { type: 'apiKey', in: 'header', name: 'X-Tenant-ID' },
      },
      schemas: { ...componentSchemas(REQUESTS, 'input'), ...componentSchemas(RESPONSES, 'output') },
    },
  };
}
