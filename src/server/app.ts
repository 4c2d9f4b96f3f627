import { Hono, type Context } from 'hono';
import { ENDPOINTS, routePattern } from '../contract/endpoints.js';
import type { Health } from '../contract/schemas/index.js';
import type { AuditLogAppOptions } from './app-options.js';
import { AccessRecorder } from './access/access-records.js';
import { AccessTokens } from './auth/access-tokens.js';
import { randomToken } from './auth/crypto-utils.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { DEFAULT_PASSWORD_ITERATIONS, dummyPasswordHash } from './auth/passwords.js';
import { DEFAULT_EXPORT_LIMITS, ExportSlots } from './export/export-limits.js';
import { ExportManifests } from './export/export-manifests.js';
import { ApiError, notFoundError, rateLimitError } from './http/api-error.js';
import type { AppEnv, AppState } from './http/context.js';
import { apiAnswerHeaders, corsPolicy, faultInjection, requestId } from './http/middleware.js';
import { LoginThrottle, RateLimiter } from './http/rate-limiter.js';
import { SignInLimits } from './http/sign-in-limits.js';
import { loadTreeSigner, type TreeSigner } from './merkle/signing-keys.js';
import { buildOpenApiDocument } from './openapi.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerTamperRoutes } from './routes/tamper-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { registerViewerSessionRoutes } from './routes/viewer-session-routes.js';

export const API_VERSION = '1.0.0';
const SECRET_META_KEY = 'jwt_secret';

async function signingSecret(options: AuditLogAppOptions): Promise<string> {
  if (options.jwtSecret) return options.jwtSecret;
  const kept = await options.store.getMeta(SECRET_META_KEY);
  if (kept) return kept;
  const secret = randomToken(48);
  await options.store.setMeta(SECRET_META_KEY, secret);
  return secret;
}

function errorResponse(error: Error, requestIdValue: string | undefined): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(
          500,
          'server_error',
          `The server failed to handle this request; try again later${requestIdValue ? ` (request ${requestIdValue})` : ''}`,
        );
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8' });
  // The rest of a refused body may still be on its way: the connection cannot carry another
  // request after it, so the client is told to open a new one rather than find it reset.
  if (apiError.status === 413) headers.set('Connection', 'close');
  if (apiError.retryAfterSeconds !== undefined) {
    headers.set('Retry-After', String(apiError.retryAfterSeconds));
  }
  return new Response(JSON.stringify(apiError.toBody()), { status: apiError.status, headers });
}

/**
 * The reference Audit Log API as a web-standard app: `app.fetch(request)` answers a
 * `Request` with a `Response`, in Node behind an HTTP server or in a browser with no network.
 */
export function createAuditLogApp(options: AuditLogAppOptions): Hono<AppEnv> {
  const now = options.now ?? Date.now;
  const passwordIterations = options.passwordIterations ?? DEFAULT_PASSWORD_ITERATIONS;
  let dummyHash: Promise<string> | undefined;
  let treeSigner: Promise<TreeSigner> | undefined;
  const throttle = options.loginThrottle ?? { maxFailures: 5, windowSeconds: 15 * 60 };
  const signInRateLimit = options.signInRateLimit ?? {
    perAddressPerMinute: 60,
    globalPerMinute: 600,
  };
  const hashing = options.passwordHashing ?? { concurrency: 1, maxWaiting: 16 };
  const state: AppState = {
    store: options.store,
    accessTokens: new AccessTokens(
      () => signingSecret(options),
      options.accessTokenTtlSeconds ?? 900,
      now,
    ),
    refreshTokenTtlMs: (options.refreshTokenTtlSeconds ?? 7 * 24 * 3600) * 1000,
    rateLimiter: options.rateLimitPerMinute
      ? new RateLimiter(options.rateLimitPerMinute, now)
      : null,
    loginThrottle: new LoginThrottle(throttle.maxFailures, throttle.windowSeconds * 1000, now),
    signInLimits: signInRateLimit ? new SignInLimits(signInRateLimit, now) : null,
    trustProxy: options.trustProxy ?? false,
    passwords: new PasswordHasher(passwordIterations, hashing.concurrency, hashing.maxWaiting, () =>
      rateLimitError('The server is busy checking other passwords; try again in 1 s', 1),
    ),
    exports: new ExportSlots({ ...DEFAULT_EXPORT_LIMITS, ...options.exportLimits }),
    maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
    maxBatchBodyBytes: options.maxBatchBodyBytes ?? 16 * 1024 * 1024,
    version: options.version ?? API_VERSION,
    now,
    nowIso: () => new Date(now()).toISOString(),
    dummyPasswordHash: () => (dummyHash ??= dummyPasswordHash(passwordIterations)),
    treeSigner: () =>
      (treeSigner ??= loadTreeSigner(
        options.store,
        options.treeSigningKey,
        new Date(now()).toISOString(),
      ).catch((error: unknown) => {
        // A failed load (a bad configured key) is retried, not remembered.
        treeSigner = undefined;
        throw error;
      })),
    exportManifests: new ExportManifests(),
    accessRecords: options.accessRecords === false ? null : new AccessRecorder(options.store, now),
  };

  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', corsPolicy(options.corsOrigins ?? '*'));
  app.use('*', apiAnswerHeaders());
  app.use(
    '*',
    faultInjection(options.failRate ?? 0, options.latencyMs ?? 0, options.random ?? Math.random),
  );

  app.get(routePattern(ENDPOINTS.health), (c) => {
    const body: Health = {
      status: 'healthy',
      service: 'audit-log-api',
      timestamp: state.nowIso(),
      version: state.version,
    };
    return c.json(body);
  });
  let openApi: string | undefined;
  app.get('/openapi.json', (c) => {
    openApi ??= JSON.stringify(buildOpenApiDocument(state.version));
    return c.body(openApi, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  registerSessionRoutes(app, state);
  registerUserRoutes(app, state);
  registerViewerSessionRoutes(app, state);
  registerEventRoutes(app, state);
  registerTamperRoutes(app, state);

  const withContextHeaders = (error: Error, c: Context<AppEnv>) => {
    const response = errorResponse(error, c.get('requestId'));
    // Headers set earlier on the context (CORS, request id) belong on the error answer too.
    c.res.headers.forEach((value, key) => {
      if (key.toLowerCase() !== 'content-type' && !response.headers.has(key)) {
        response.headers.set(key, value);
      }
    });
    return response;
  };
  app.notFound((c) => withContextHeaders(notFoundError('No such endpoint'), c));
  app.onError(withContextHeaders);
  return app;
}
