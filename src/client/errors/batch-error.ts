import type { AuditLogEvent } from '../../contract/schemas/index.js';
import type { AuditLogEventInput } from '../../contract/input-types.js';
import { AuditLogSDKError } from './audit-log-sdk-error.js';

export interface BatchFailure {
  /** Positions (in the caller's input) of the events this failure left unstored. */
  indexes: number[];
  error: AuditLogSDKError;
}

/**
 * Part of a large `createEventsBatch` was stored and part was not. `stored[i]` is the created
 * event for input `i`, or `undefined` when that event was not stored; `failures` say why.
 * Sending the unstored events again (`unstoredEvents`) cannot duplicate the stored ones.
 */
export class BatchError extends AuditLogSDKError {
  static override readonly errorName = 'BatchError';
  declare readonly name: 'BatchError';

  constructor(
    message: string,
    readonly stored: readonly (AuditLogEvent | undefined)[],
    readonly failures: readonly BatchFailure[],
    readonly inputs: readonly AuditLogEventInput[],
  ) {
    super(message, { code: 'batch_partially_failed', cause: failures[0]?.error });
  }

  get storedCount(): number {
    return this.stored.filter((event) => event !== undefined).length;
  }

  /** The inputs that were not stored, in input order. */
  get unstoredEvents(): AuditLogEventInput[] {
    return this.inputs.filter((_, index) => this.stored[index] === undefined);
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      storedCount: this.storedCount,
      failures: this.failures.map((f) => ({ indexes: f.indexes, error: f.error.toJSON() })),
    };
  }
}
