import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** What the server signed does not check out: a tree head or manifest with a bad signature. */
export class IntegrityError extends AuditLogSDKError {
  static override readonly errorName = 'IntegrityError';
  declare readonly name: 'IntegrityError';
}
