import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** 409 — for example an idempotency key reused with another body. */
export class ConflictError extends AuditLogSDKError {
  static override readonly errorName = 'ConflictError';
  declare readonly name: 'ConflictError';
}
