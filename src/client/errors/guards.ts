import { RETRY_STATUSES } from '../http/retry-policy.js';
import { AuditLogSDKError } from './audit-log-sdk-error.js';
import { NetworkError } from './network-error.js';
import { TimeoutError } from './timeout-error.js';

/** Whether `value` is any SDK error, also one thrown by another copy of the SDK. */
export function isAuditLogSDKError(value: unknown): value is AuditLogSDKError {
  return value instanceof AuditLogSDKError;
}

/**
 * Failures that may pass if the same request is sent again later: no answer, or an answer
 * with one of the retry policy's statuses (the transport retries exactly these).
 */
export function isRetryableError(value: unknown): boolean {
  return (
    value instanceof NetworkError ||
    value instanceof TimeoutError ||
    (value instanceof AuditLogSDKError &&
      value.status !== undefined &&
      RETRY_STATUSES.includes(value.status))
  );
}
