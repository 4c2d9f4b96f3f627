import type { AuthenticationError } from './errors/index.js';
import { ConfigurationError } from './errors/index.js';
import type { AccessTokenSource } from './auth/session.js';
import type { TokenStore } from './auth/token-store.js';
import type { RequestHooks } from './http/transport.js';

export interface AuditLogClientOptions {
  /** Where the API lives, e.g. `https://audit.example.com`. */
  baseUrl: string;
  /** API key authentication; needs `tenantId`. */
  apiKey?: string | undefined;
  /** The tenant to act for: required with an API key, set by `login` otherwise. */
  tenantId?: string | undefined;
  /** A bearer token the app already has. */
  accessToken?: string | undefined;
  /**
   * For apps that own authentication. Answer a token, and it is asked for before every
   * request; or answer `{access_token, expires_at}` (a viewer session, e.g. through
   * `hostSessionToken('/audit/session')`), and it is kept, asked for again shortly before it
   * expires (one request however many are waiting), and once more when the API refuses it.
   */
  getAccessToken?: AccessTokenSource | undefined;
  /** Where login tokens are kept; memory by default (`sessionStorageTokenStore()` survives reloads). */
  tokenStore?: TokenStore | undefined;
  /** Milliseconds one attempt may take, body included. Default 30,000. */
  timeout?: number | undefined;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number | undefined;
  /** Base backoff in milliseconds, doubled per retry, with full jitter. Default 1000. */
  retryDelay?: number | undefined;
  /** Longest backoff in milliseconds. Default 30,000. */
  maxRetryDelay?: number | undefined;
  /** Longest `Retry-After` the client waits out by itself, in milliseconds. Default 60,000. */
  maxRetryAfter?: number | undefined;
  /** The `fetch` to use: the in-process reference server's, a polyfill, an instrumented one. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
  hooks?: RequestHooks | undefined;
  /** Called once when the session cannot be refreshed any more: the place to redirect to login. */
  onSessionExpired?: ((error: AuthenticationError) => void) | undefined;
  /** Randomness for backoff jitter and the clock; injectable for tests. */
  random?: (() => number) | undefined;
  now?: (() => number) | undefined;
}

const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'x-api-key',
  'x-tenant-id',
  'idempotency-key',
]);

function positive(name: string, value: number | undefined, allowZero = false): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new ConfigurationError(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of milliseconds`,
    );
  }
}

/** Catches set-up mistakes at construction, where they are easy to trace, not at the first request. */
export function checkOptions(options: AuditLogClientOptions): URL {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl.trim() === '') {
    throw new ConfigurationError('baseUrl is required, e.g. "https://audit.example.com"');
  }
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new ConfigurationError(
      `baseUrl ${JSON.stringify(options.baseUrl)} is not an absolute URL`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError('baseUrl must start with http:// or https://');
  }
  if (url.search || url.hash)
    throw new ConfigurationError('baseUrl must not carry a query or fragment');
  if (options.apiKey !== undefined && !options.tenantId) {
    throw new ConfigurationError('An apiKey needs a tenantId: API keys belong to one tenant');
  }
  if (options.apiKey !== undefined && options.apiKey.trim() === '') {
    throw new ConfigurationError('apiKey is empty');
  }
  if (options.accessToken !== undefined && options.getAccessToken !== undefined) {
    throw new ConfigurationError('Give accessToken or getAccessToken, not both');
  }
  positive('timeout', options.timeout);
  positive('retryDelay', options.retryDelay, true);
  positive('maxRetryDelay', options.maxRetryDelay, true);
  positive('maxRetryAfter', options.maxRetryAfter, true);
  if (
    options.maxRetries !== undefined &&
    (!Number.isInteger(options.maxRetries) || options.maxRetries < 0 || options.maxRetries > 20)
  ) {
    throw new ConfigurationError('maxRetries must be a whole number from 0 to 20');
  }
  for (const name of Object.keys(options.headers ?? {})) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      throw new ConfigurationError(`Set ${name} through the client's options, not headers`);
    }
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigurationError('fetch must be a function');
  }
  return url;
}
