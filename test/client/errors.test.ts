import { describe, expect, it, vi } from 'vitest';
import {
  AuditLogSDKError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
  isAuditLogSDKError,
} from '../../src/client/errors/index.js';
import { errorFromResponse } from '../../src/client/http/error-from-response.js';

const body = (error: string, message: string, extra: object = {}) =>
  JSON.stringify({ error, message, ...extra });

describe('errors from HTTP answers', () => {
  it.each([
    [400, 'validation_error', ValidationError],
    [413, 'payload_too_large', ValidationError],
    [422, 'validation_error', ValidationError],
    [401, 'authentication_error', AuthenticationError],
    [403, 'authorization_error', AuthorizationError],
    [404, 'not_found', NotFoundError],
    [409, 'conflict', ConflictError],
    [429, 'rate_limit_exceeded', RateLimitError],
    [500, 'server_error', ServerError],
    [503, 'server_error', ServerError],
  ] as const)('maps %i to %s', (status, code, Type) => {
    const headers = new Headers({ 'X-Request-ID': 'req-1' });
    const error = errorFromResponse(status, headers, body(code, 'What went wrong'), []);
    expect(error).toBeInstanceOf(Type);
    expect(error).toBeInstanceOf(AuditLogSDKError);
    expect(error.name).toBe(Type.errorName);
    expect(error).toMatchObject({ status, code, requestId: 'req-1', message: 'What went wrong' });
  });

  it('keeps field details for validation errors', () => {
    const error = errorFromResponse(
      400,
      new Headers(),
      body('validation_error', 'Invalid', {
        details: { 'audit_logs.2.severity': 'Invalid option' },
      }),
      [],
    );
    expect(error.details).toEqual({ 'audit_logs.2.severity': 'Invalid option' });
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const seconds = errorFromResponse(429, new Headers({ 'Retry-After': '7' }), '{}', [], now);
    expect((seconds as RateLimitError).retryAfter).toBe(7);
    const date = errorFromResponse(
      429,
      new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:30 GMT' }),
      '{}',
      [],
      now,
    );
    expect((date as RateLimitError).retryAfter).toBe(30);
    const fromBody = errorFromResponse(
      429,
      new Headers(),
      body('rate_limit_exceeded', 'Slow', { retry_after: 3 }),
      [],
      now,
    );
    expect((fromBody as RateLimitError).retryAfter).toBe(3);
  });

  it('gives a useful message when the body is an HTML error page', () => {
    const error = errorFromResponse(502, new Headers(), '<html><h1>Bad Gateway</h1></html>', []);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toMatch(/HTTP 502.*try again/);
  });

  it('scrubs secrets that a server echoed into its message', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-token-value';
    const error = errorFromResponse(
      401,
      new Headers(),
      body('authentication_error', `bad token ${token}`),
      [token],
    );
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
  });
});

describe('error classes', () => {
  it('keep instanceof and names across two copies of the SDK', async () => {
    // A fresh module registry loads a second, separate copy, as two bundles would.
    vi.resetModules();
    const copy = await import('../../src/client/errors/index.js');
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const foreign = new copy.NotFoundError('gone', { status: 404 });
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(AuditLogSDKError);
    expect(foreign).not.toBeInstanceOf(ValidationError);
    expect(isAuditLogSDKError(foreign)).toBe(true);
    expect(new NotFoundError('x')).toBeInstanceOf(copy.AuditLogSDKError);
  });

  it('is not fooled by look-alikes', () => {
    expect({ name: 'NotFoundError', message: 'x' }).not.toBeInstanceOf(NotFoundError);
    expect(new Error('x')).not.toBeInstanceOf(AuditLogSDKError);
    expect(isAuditLogSDKError(null)).toBe(false);
  });

  it('serialise to plain data for logs', () => {
    const error = new RateLimitError('Slow down', { status: 429, retryAfter: 5, requestId: 'r' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RateLimitError',
      message: 'Slow down',
      status: 429,
      code: 'sdk_error',
      requestId: 'r',
      retryAfter: 5,
    });
  });
});
