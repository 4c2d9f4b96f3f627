import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** 5xx — the server failed; retried automatically where safe. */
export class ServerError extends AuditLogSDKError {
  static override readonly errorName = 'ServerError';
  declare readonly name: 'ServerError';
}
