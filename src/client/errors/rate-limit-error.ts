import { AuditLogSDKError, type AuditLogErrorOptions } from './audit-log-sdk-error.js';

/** 429 — too many requests; `retryAfter` says how many seconds to wait. */
export class RateLimitError extends AuditLogSDKError {
  static override readonly errorName = 'RateLimitError';
  declare readonly name: 'RateLimitError';
  /** Seconds the server asked to wait, when it said. */
  readonly retryAfter: number | undefined;

  constructor(
    message: string,
    options: AuditLogErrorOptions & { retryAfter?: number | undefined } = {},
  ) {
    super(message, options);
    this.retryAfter = options.retryAfter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}
