import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** The request never got an answer (offline, DNS, refused connection, CORS). */
export class NetworkError extends AuditLogSDKError {
  static override readonly errorName = 'NetworkError';
  declare readonly name: 'NetworkError';
}
