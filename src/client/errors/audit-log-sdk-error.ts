/** Names of the classes an error belongs to; read by `instanceof` so it holds across bundles. */
const KINDS = Symbol.for('audit-log-sdk.error-kinds');

export interface AuditLogErrorOptions {
  /** HTTP status of the answer, when there was one. */
  status?: number | undefined;
  /** The contract's `error` code (`validation_error`, …) or the SDK's own for local failures. */
  code?: string | undefined;
  /** Field-level problems, `{field_path: message}`. */
  details?: Record<string, string> | undefined;
  /** The server's `X-Request-ID`, to quote when reporting a problem. */
  requestId?: string | undefined;
  cause?: unknown;
}

/**
 * Base of every error the SDK throws. Messages say what failed and what to do, and never
 * hold a password, token or key. Each subclass names itself with a literal `errorName`
 * (minifiers rename classes, so `constructor.name` cannot be trusted).
 */
export class AuditLogSDKError extends Error {
  static readonly errorName: string = 'AuditLogSDKError';
  declare readonly name: string;
  readonly status: number | undefined;
  readonly code: string;
  readonly details: Record<string, string> | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, options: AuditLogErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const kinds: string[] = [];
    for (
      let type: unknown = new.target;
      typeof type === 'function' && Object.hasOwn(type, 'errorName');
      type = Object.getPrototypeOf(type)
    ) {
      kinds.push((type as typeof AuditLogSDKError).errorName);
    }
    Object.defineProperty(this, KINDS, { value: kinds });
    Object.defineProperty(this, 'name', { value: kinds[0], configurable: true, writable: true });
    this.status = options.status;
    this.code = options.code ?? 'sdk_error';
    this.details = options.details;
    this.requestId = options.requestId;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as { [KINDS]?: unknown })[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.errorName);
  }

  /** Plain data for logs: what failed, never the request's credentials. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      details: this.details,
      requestId: this.requestId,
    };
  }
}
