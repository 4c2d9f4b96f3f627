import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** 403 — the signed-in role or API key may not do this. */
export class AuthorizationError extends AuditLogSDKError {
  static override readonly errorName = 'AuthorizationError';
  declare readonly name: 'AuthorizationError';
}
