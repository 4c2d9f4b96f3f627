import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** 401 — the credentials were refused or the session ended; sign in again. */
export class AuthenticationError extends AuditLogSDKError {
  static override readonly errorName = 'AuthenticationError';
  declare readonly name: 'AuthenticationError';
}
