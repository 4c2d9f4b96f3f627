import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AuditLogClient,
  AuditLogSDKError,
  ResponseValidationError,
} from '../../src/client/index.js';

function clientAnswering(status: number, body: string, contentType = 'application/json') {
  const fetch: typeof globalThis.fetch = async () =>
    new Response(body, { status, headers: { 'Content-Type': contentType } });
  return new AuditLogClient({
    baseUrl: 'http://audit.test',
    fetch,
    maxRetries: 0,
    accessToken: 'token-value-123',
  });
}

const anyStatus = fc.constantFrom(
  200,
  201,
  400,
  401,
  403,
  404,
  409,
  413,
  422,
  429,
  500,
  502,
  503,
  504,
  418,
);

describe('malformed server answers', () => {
  it('always end in a typed SDK error, never a crash or a half-parsed page', async () => {
    await fc.assert(
      fc.asyncProperty(anyStatus, fc.oneof(fc.json(), fc.string()), async (status, body) => {
        const outcome = await clientAnswering(status, body)
          .queryEvents()
          .then(
            (page) => ({ page }),
            (error: unknown) => ({ error }),
          );
        if ('error' in outcome) {
          expect(outcome.error).toBeInstanceOf(AuditLogSDKError);
          expect((outcome.error as Error).message).not.toContain('token-value-123');
        } else {
          // Only a body that really is a page may come back as one.
          expect(status).toBe(200);
          expect(Array.isArray(outcome.page.items)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the path that broke the contract', async () => {
    const page = {
      items: [
        {
          id: 'e1',
          tenant_id: 't',
          event_type: 'user_action',
          resource_type: 'r',
          action: 'a',
          severity: 'info',
          description: 'd',
          timestamp: 'not a time',
          created_at: '2026-01-01T00:00:00Z',
        },
      ],
      total: 1,
      page: 1,
      size: 50,
      pages: 1,
    };
    const error = await clientAnswering(200, JSON.stringify(page))
      .queryEvents()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).message).toMatch(/items\.0\.timestamp/);
    expect((error as ResponseValidationError).details).toHaveProperty('items.0.timestamp');
  });

  it('says so when an HTML page comes back instead of JSON', async () => {
    const error = await clientAnswering(200, '<!doctype html><title>Login</title>', 'text/html')
      .health()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/not JSON.*baseUrl/);
  });

  it('reports a truncated JSON body as a typed error', async () => {
    const error = await clientAnswering(200, '{"items":[{"id":"e1"')
      .queryEvents()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});
