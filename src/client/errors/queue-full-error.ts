import { AuditLogSDKError } from './audit-log-sdk-error.js';

/** The durable queue is at its `maxSize` and its overflow policy is to refuse new events. */
export class QueueFullError extends AuditLogSDKError {
  static override readonly errorName = 'QueueFullError';
  declare readonly name: 'QueueFullError';
}
