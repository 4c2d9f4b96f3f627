import { AuditLogSDKError } from './audit-log-sdk-error.js';

/**
 * An export kept in memory (no file to stream it to) outgrew its limit and was stopped, so
 * the page does not run out of memory. `limitBytes` is the limit it passed.
 */
export class ExportTooLargeError extends AuditLogSDKError {
  static override readonly errorName = 'ExportTooLargeError';
  declare readonly name: 'ExportTooLargeError';
  readonly limitBytes: number;

  constructor(limitBytes: number) {
    super(
      `The export passed ${Math.round(limitBytes / 2 ** 20)} MB, more than this page holds in memory. ` +
        'Narrow the date range or filters, export fewer columns, or use a browser that saves ' +
        'straight to a file (Chrome or Edge).',
      { code: 'export_too_large' },
    );
    this.limitBytes = limitBytes;
  }
}
