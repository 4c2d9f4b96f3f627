import {
  AuditLogSDKError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../errors/index.js';
import { DOUBT } from '../../contract/checked.js';
import { ErrorBodyCheck } from '../../contract/generated/validators.js';
import type { ErrorBody } from '../../contract/schemas/errors.js';
import { parseRetryAfter } from './retry-after.js';

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The server refused the request as invalid',
  401: 'Not signed in, or the session has ended; sign in again',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'The request conflicts with an earlier one',
  413: 'The request is too large; send fewer or smaller events',
  422: 'The server refused the request as invalid',
  429: 'Too many requests; wait and try again',
};

/** Removes every known secret from text that came from outside (a server message). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/**
 * The typed error for an HTTP error answer, chosen by status (the contract's table) with the
 * server's message and details when its body has the contract's shape.
 */
export function errorFromResponse(
  status: number,
  headers: Headers,
  bodyText: string,
  secrets: readonly string[],
  now: number = Date.now(),
): AuditLogSDKError {
  // The generated validator decides alone: a JSON body is never one it cannot judge.
  let body: ErrorBody | undefined;
  try {
    const parsed = ErrorBodyCheck.check(JSON.parse(bodyText));
    body = parsed === DOUBT ? undefined : parsed;
  } catch {
    body = undefined;
  }
  const requestId = headers.get('X-Request-ID') ?? undefined;
  const fallback =
    FALLBACK_MESSAGES[status] ??
    (status >= 500 ? `The server failed (HTTP ${status}); try again later` : `HTTP ${status}`);
  const message = redact(body?.message || fallback, secrets);
  const details = body?.details
    ? Object.fromEntries(
        Object.entries(body.details).map(([key, value]) => [key, redact(value, secrets)]),
      )
    : undefined;
  const options = { status, code: body?.error ?? `http_${status}`, details, requestId };

  if (status === 400 || status === 413 || status === 422)
    return new ValidationError(message, options);
  if (status === 401) return new AuthenticationError(message, options);
  if (status === 403) return new AuthorizationError(message, options);
  if (status === 404) return new NotFoundError(message, options);
  if (status === 409) return new ConflictError(message, options);
  if (status === 429) {
    const retryAfter = parseRetryAfter(headers.get('Retry-After'), now) ?? body?.retry_after;
    return new RateLimitError(message, { ...options, retryAfter });
  }
  if (status >= 500) return new ServerError(message, options);
  return new AuditLogSDKError(message, options);
}
