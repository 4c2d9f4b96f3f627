import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** No answer within the configured timeout. */
export class TimeoutError extends AuditLogSDKError {
  static override readonly errorName = 'TimeoutError';
  declare readonly name: 'TimeoutError';
}
