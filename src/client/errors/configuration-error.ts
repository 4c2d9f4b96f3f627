import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** The client was set up wrongly (for example an API key without a tenant). */
export class ConfigurationError extends AuditLogSDKError {
  static override readonly errorName = 'ConfigurationError';
  declare readonly name: 'ConfigurationError';
}
