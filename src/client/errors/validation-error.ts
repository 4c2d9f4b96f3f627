import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** 400, 413 or 422, or refused before sending — `details` names each bad field. */
export class ValidationError extends AuditLogSDKError {
  static override readonly errorName = 'ValidationError';
  declare readonly name: 'ValidationError';
}
