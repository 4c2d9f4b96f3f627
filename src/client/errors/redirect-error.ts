import { AuditLogSDKError } from './audit-log-sdk-error.js';

/**
 * The API answered with a redirect, which the SDK never follows: a followed redirect would
 * carry the request's credentials (or a login's password) to wherever it points.
 */
export class RedirectError extends AuditLogSDKError {
  static override readonly errorName = 'RedirectError';
  declare readonly name: 'RedirectError';
}
