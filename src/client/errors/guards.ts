import { AuditLogSDKError } from './audit-log-sdk-error.js';
import { NetworkError } from './network-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { ServerError } from './server-error.js';
import { TimeoutError } from './timeout-error.js';

/** Whether `value` is any SDK error, also one thrown by another copy of the SDK. */
export function isAuditLogSDKError(value: unknown): value is AuditLogSDKError {
  return value instanceof AuditLogSDKError;
}

/** Failures that may pass if the same request is sent again later. */
export function isRetryableError(value: unknown): boolean {
  return (
    value instanceof NetworkError ||
    value instanceof TimeoutError ||
    value instanceof RateLimitError ||
    value instanceof ServerError ||
    (value instanceof AuditLogSDKError && value.status === 408)
  );
}
