import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** The server answered something that is not what the contract says; `details` names the paths. */
export class ResponseValidationError extends AuditLogSDKError {
  static override readonly errorName = 'ResponseValidationError';
  declare readonly name: 'ResponseValidationError';
}
