import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** 404 — no such resource in this tenant. */
export class NotFoundError extends AuditLogSDKError {
  static override readonly errorName = 'NotFoundError';
  declare readonly name: 'NotFoundError';
}
