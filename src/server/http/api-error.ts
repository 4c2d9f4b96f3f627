import type { ErrorBody, ErrorCode } from '../../contract/schemas/index.js';

/**
 * A failure the API answers in the contract's error shape. Messages are written for the
 * person calling the API and never carry a password, token or key.
 */
export class ApiError extends Error {
  override name = 'ApiError' as const;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: this.code, message: this.message };
    if (this.details) body.details = this.details;
    if (this.retryAfterSeconds !== undefined) body.retry_after = this.retryAfterSeconds;
    return body;
  }
}

export const validationError = (message: string, details?: Record<string, string>) =>
  new ApiError(400, 'validation_error', message, details);

export const authenticationError = (message: string) =>
  new ApiError(401, 'authentication_error', message);

export const authorizationError = (message: string) =>
  new ApiError(403, 'authorization_error', message);

export const notFoundError = (message: string) => new ApiError(404, 'not_found', message);

export const conflictError = (message: string) => new ApiError(409, 'conflict', message);

export const payloadTooLargeError = (limitBytes: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `Request body is larger than ${limitBytes} bytes; send fewer events per request`,
  );

export const rateLimitError = (message: string, retryAfterSeconds: number) =>
  new ApiError(429, 'rate_limit_exceeded', message, undefined, retryAfterSeconds);

export const serviceUnavailableError = () =>
  new ApiError(503, 'server_error', 'The service is temporarily unavailable; try again shortly');
