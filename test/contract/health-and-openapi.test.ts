import { describe, expect, it } from 'vitest';
import type { Health } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import { useContractServer } from './helpers.js';

/** Every path and method of the contract's endpoint table, as OpenAPI spells them. */
const CONTRACT_OPERATIONS: [path: string, methods: string[]][] = [
  ['/health', ['get']],
  ['/api/v1/auth/login', ['post']],
  ['/api/v1/auth/refresh', ['post']],
  ['/api/v1/auth/logout', ['post']],
  ['/api/v1/auth/me', ['get']],
  ['/api/v1/auth/users', ['post']],
  ['/api/v1/auth/users/{id}', ['get', 'put', 'delete']],
  ['/api/v1/auth/api-keys', ['post']],
  ['/api/v1/audit/events', ['get', 'post']],
  ['/api/v1/audit/events/batch', ['post']],
  ['/api/v1/audit/events/{id}', ['get']],
  ['/api/v1/audit/events/export', ['get']],
  ['/api/v1/audit/summary', ['get']],
];

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

describe.each(STORE_KINDS)('health and API description (%s store)', (kind) => {
  const api = useContractServer(kind);

  it('answers the health check without credentials', async () => {
    const answer = await api.request<Health>('/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: expect.any(String),
      service: expect.any(String),
      timestamp: expect.stringMatching(/Z$/),
      version: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(answer.body.timestamp))).toBe(false);
  });

  it('serves an OpenAPI 3.1 document without credentials', async () => {
    const answer = await api.request<OpenApiDocument>('/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.body.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it.each(CONTRACT_OPERATIONS)('describes %s in the OpenAPI document', async (path, methods) => {
    const { body } = await api.request<OpenApiDocument>('/openapi.json');
    expect(Object.keys(body.paths)).toContain(path);
    for (const method of methods) expect(body.paths[path]).toHaveProperty(method);
  });
});
