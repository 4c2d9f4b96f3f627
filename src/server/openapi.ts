import * as z from 'zod/mini';
import { ENDPOINTS, type Endpoint } from '../contract/endpoints.js';
import {
  APIKeyCreateSchema,
  APIKeyListSchema,
  APIKeyResponseSchema,
  AuditLogEventBatchCreateSchema,
  AuditLogEventCreateSchema,
  AuditLogEventListSchema,
  AuditLogEventSchema,
  AuditLogExportSchema,
  AuditLogSummarySchema,
  ConsistencyProofSchema,
  LogEntriesSchema,
  ErrorBodySchema,
  ExportManifestSchema,
  FacetsResponseSchema,
  HealthSchema,
  JwksSchema,
  LoginRequestSchema,
  JsonObjectSchema,
  MetadataSchema,
  LogoutRequestSchema,
  PaginatedAuditLogsSchema,
  ProofsRequestSchema,
  ProofsResponseSchema,
  RefreshRequestSchema,
  SessionInfoSchema,
  TimestampSchema,
  TimestampString,
  TokenResponseSchema,
  TreeHeadSchema,
  UserCreateSchema,
  UserResponseSchema,
  UserUpdateSchema,
  ViewerSessionCreateSchema,
  ViewerSessionResponseSchema,
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
  ViewerSessionCreate: ViewerSessionCreateSchema,
  AuditLogEventCreate: AuditLogEventCreateSchema,
  AuditLogEventBatchCreate: AuditLogEventBatchCreateSchema,
  ProofsRequest: ProofsRequestSchema,
};
const RESPONSES = {
  TokenResponse: TokenResponseSchema,
  UserResponse: UserResponseSchema,
  APIKeyResponse: APIKeyResponseSchema,
  APIKeyList: APIKeyListSchema,
  ViewerSessionResponse: ViewerSessionResponseSchema,
  SessionInfo: SessionInfoSchema,
  AuditLogEvent: AuditLogEventSchema,
  PaginatedAuditLogs: PaginatedAuditLogsSchema,
  AuditLogSummary: AuditLogSummarySchema,
  AuditLogExport: AuditLogExportSchema,
  FacetsResponse: FacetsResponseSchema,
  Health: HealthSchema,
  TreeHead: TreeHeadSchema,
  Jwks: JwksSchema,
  ProofsResponse: ProofsResponseSchema,
  ConsistencyProof: ConsistencyProofSchema,
  LogEntries: LogEntriesSchema,
  ExportManifest: ExportManifestSchema,
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

function queryParameters(schema: z.ZodMiniObject): JsonSchema[] {
  const described = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = described.properties as Record<string, JsonSchema>;
  const required = new Set((described.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
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

// Components by name, so an endpoint's schema becomes a `$ref` to its component.
const COMPONENT_NAMES = new Map<z.ZodMiniType, string>(
  Object.entries({ ...REQUESTS, ...RESPONSES }).map(([name, schema]) => [schema, name]),
);

function content(schema: z.ZodMiniType): JsonSchema {
  // A list of events is described inline, as an array of the event component.
  if (schema === AuditLogEventListSchema)
    return { 'application/json': { schema: { type: 'array', items: ref('AuditLogEvent') } } };
  const name = COMPONENT_NAMES.get(schema);
  if (!name) throw new Error('Every schema in the endpoint table needs a component name');
  return json(name);
}

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

function operation(endpoint: Endpoint): JsonSchema {
  const answer: JsonSchema =
    endpoint.answer === undefined
      ? { description: 'No content' }
      : {
          description: endpoint.status === 201 ? 'Created' : 'OK',
          content: {
            ...content(endpoint.answer),
            // An export with `format=csv` streams CSV instead.
            ...(endpoint.params && 'format' in endpoint.params.shape
              ? { 'text/csv': { schema: { type: 'string' } } }
              : {}),
          },
        };
  const parameters = [
    ...(endpoint.params ? queryParameters(endpoint.params) : []),
    ...(endpoint.idempotencyKey ? [idempotencyHeader] : []),
  ];
  const fails = endpoint.permission !== 'public' || endpoint.body !== undefined;
  return {
    ...(endpoint.permission === 'public' ? { security: [] } : {}),
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? { requestBody: { required: !endpoint.bodyOptional, content: content(endpoint.body) } }
      : {}),
    responses: {
      [String(endpoint.status)]: answer,
      ...(endpoint.path.includes('{id}')
        ? { '404': { description: 'Not found', content: json('Error') } }
        : {}),
      ...(fails ? ERROR_RESPONSES : {}),
    },
  };
}

/** Every endpoint of the contract's table, by path and method. */
function paths(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const endpoint of Object.values(ENDPOINTS) as Endpoint[]) {
    const item = (out[endpoint.path] ??= endpoint.path.includes('{id}')
      ? { parameters: [idParam] }
      : {});
    item[endpoint.method.toLowerCase()] = operation(endpoint);
  }
  return out;
}

/** The OpenAPI 3.1 description of the API, built from the endpoint table and wire schemas. */
export function buildOpenApiDocument(version: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Audit Log Framework API',
      version,
      description: 'Reference implementation of the Audit Log Framework API wire contract (v1).',
    },
    security: [{ bearer: [] }, { apiKey: [], tenant: [] }],
    paths: paths(),
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
