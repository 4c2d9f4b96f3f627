import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { EXPORT_ID_HEADER } from '../../contract/schemas/index.js';
import { newId } from '../auth/crypto-utils.js';
import { serviceUnavailableError } from './api-error.js';
import type { AppEnv } from './context.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Every answer carries `X-Request-ID`: the caller's own when it is sane, else a new one. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('X-Request-ID');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : newId();
    c.set('requestId', id);
    c.header('X-Request-ID', id);
    await next();
    c.res.headers.set('X-Request-ID', id);
  };
}

/**
 * Answers carry tenant data and credentials: never cached, never sniffed into another
 * type (an event's text read as HTML), and the API's URLs (which hold filters) never sent
 * on as a referrer. Set after the handler, so error answers carry them too.
 */
export function apiAnswerHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

export function corsPolicy(origins: readonly string[] | '*'): MiddlewareHandler<AppEnv> {
  return cors({
    origin: origins === '*' ? '*' : [...origins],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'Authorization',
      'X-API-Key',
      'X-Tenant-ID',
      'Idempotency-Key',
      'Content-Type',
      'X-Request-ID',
    ],
    exposeHeaders: [
      'Retry-After',
      'X-Export-Count',
      'X-Generated-At',
      'Content-Disposition',
      'X-Request-ID',
      'Idempotent-Replayed',
      EXPORT_ID_HEADER,
    ],
    maxAge: 600,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delays every answer and fails a share of API requests with 503, for tests and demos.
 * Half of those failures come after the request was handled (as when a proxy gives up on
 * a slow backend), so a client that retries writes without idempotency keys duplicates them.
 */
export function faultInjection(
  failRate: number,
  latencyMs: number,
  random: () => number,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (latencyMs > 0) await sleep(latencyMs);
    const injected =
      failRate > 0 &&
      c.req.method !== 'OPTIONS' &&
      c.req.path.startsWith('/api/') &&
      random() < failRate;
    if (!injected) return next();
    if (random() < 0.5) throw serviceUnavailableError();
    await next();
    await c.res.body?.cancel().catch(() => {});
    throw serviceUnavailableError();
  };
}
