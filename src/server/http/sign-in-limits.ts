import { rateLimitError } from './api-error.js';
import { RateLimiter } from './rate-limiter.js';

export interface SignInRateLimit {
  /** Sign-in and refresh requests a minute from one client address. */
  perAddressPerMinute: number;
  /** The same for all addresses together: a flood from many addresses is bounded too. */
  globalPerMinute: number;
}

/** Rate limits for the unauthenticated endpoints (`/auth/login`, `/auth/refresh`). */
export class SignInLimits {
  readonly #perAddress: RateLimiter;
  readonly #global: RateLimiter;

  constructor(limits: SignInRateLimit, now: () => number) {
    this.#perAddress = new RateLimiter(limits.perAddressPerMinute, now);
    this.#global = new RateLimiter(limits.globalPerMinute, now);
  }

  /** Throws a 429 with `Retry-After` when this address, or everyone together, sent too many. */
  check(address: string): void {
    const own = this.#perAddress.take(address);
    if (own > 0) {
      throw rateLimitError(
        `Too many sign-in attempts from this address; try again in ${own} s`,
        own,
      );
    }
    const all = this.#global.take('*');
    if (all > 0) {
      throw rateLimitError(`The server is receiving too many sign-ins; try again in ${all} s`, all);
    }
  }
}
