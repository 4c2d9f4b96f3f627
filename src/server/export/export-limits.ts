import { rateLimitError } from '../http/api-error.js';

export interface ExportLimits {
  /** Exports one tenant may run at once. */
  perTenant: number;
  /** Exports all tenants together may run at once. */
  total: number;
  /** Milliseconds an export may wait for its reader before it is ended. */
  idleTimeoutMs: number;
}

/**
 * Each running export holds a read cursor and a chunk of rows; a client that opens many and
 * never reads them must not exhaust the server or pin the database for others.
 */
export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  perTenant: 2,
  total: 8,
  idleTimeoutMs: 30_000,
};

/** Seconds a refused export is told to wait: about as long as a typical export runs. */
const RETRY_AFTER_SECONDS = 5;

/** Counts running exports; `acquire` answers the release, safe to call more than once. */
export class ExportSlots {
  readonly #byTenant = new Map<string, number>();
  #total = 0;

  constructor(readonly limits: ExportLimits) {}

  /** Takes a slot for the tenant, or throws a 429 saying which limit was reached. */
  acquire(tenantId: string): () => void {
    const own = this.#byTenant.get(tenantId) ?? 0;
    if (own >= this.limits.perTenant) {
      throw rateLimitError(
        `This tenant already runs ${own} exports, the most allowed at once; try again when one finishes`,
        RETRY_AFTER_SECONDS,
      );
    }
    if (this.#total >= this.limits.total) {
      throw rateLimitError(
        'The server is running as many exports as it allows at once; try again shortly',
        RETRY_AFTER_SECONDS,
      );
    }
    this.#byTenant.set(tenantId, own + 1);
    this.#total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total -= 1;
      const left = (this.#byTenant.get(tenantId) ?? 1) - 1;
      if (left > 0) this.#byTenant.set(tenantId, left);
      else this.#byTenant.delete(tenantId);
    };
  }

  /** Exports running now, for tests and health checks. */
  get running(): number {
    return this.#total;
  }
}
