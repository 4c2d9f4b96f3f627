import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_VERSION, createAuditLogApp } from '../../src/server/app.js';
import { buildOpenApiDocument } from '../../src/server/openapi.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';

const committed = JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8'));

describe('OpenAPI document', () => {
  it('committed openapi.json matches the schemas (run `npm run openapi` after changing them)', () => {
    expect(buildOpenApiDocument(API_VERSION)).toEqual(committed);
  });

  it('is served at /openapi.json', async () => {
    const app = createAuditLogApp({ store: new MemoryStore(), jwtSecret: 'x'.repeat(32) });
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(committed);
  });

  it('describes timestamps as date-time strings and enums by value', () => {
    const event = committed.components.schemas.AuditLogEvent;
    expect(event.properties.timestamp).toEqual({ type: 'string', format: 'date-time' });
    expect(event.properties.severity.enum).toEqual([
      'critical',
      'error',
      'warning',
      'info',
      'debug',
    ]);
    expect(event.required).toEqual(expect.arrayContaining(['id', 'tenant_id', 'timestamp']));
  });

  it('documents list filters as repeated query parameters', () => {
    const parameters = committed.paths['/api/v1/audit/events'].get.parameters;
    const severities = parameters.find((p: { name: string }) => p.name === 'severities');
    expect(severities).toMatchObject({ in: 'query', style: 'form', explode: true });
  });
});
