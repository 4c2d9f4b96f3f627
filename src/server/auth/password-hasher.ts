import { hashPassword, verifyPassword } from './passwords.js';

/**
 * Password hashing with a bounded number of derivations at once. Web Crypto runs PBKDF2
 * off the event loop, but in Node on the small shared thread pool that also serves every
 * SHA-256 (API keys, tokens): a flood of sign-ins would queue every other request behind
 * it. At most `concurrency` derivations run; `maxWaiting` more may wait; beyond that the
 * caller is refused at once (`busy()`), costing the server nothing. Each slot then rests as
 * long as its derivation took, so hashing uses at most half of `concurrency` cores.
 */
export class PasswordHasher {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly iterations: number,
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly busy: () => Error,
  ) {}

  hash(password: string): Promise<string> {
    return this.#run(() => hashPassword(password, this.iterations));
  }

  verify(password: string, stored: string): Promise<boolean> {
    return this.#run(() => verifyPassword(password, stored));
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running < this.concurrency) {
      this.#running += 1;
    } else {
      if (this.#waiting.length >= this.maxWaiting) throw this.busy();
      // The slot is handed over by the finishing derivation, so `#running` stays the same.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    const started = performance.now();
    try {
      return await work();
    } finally {
      // The slot rests as long as the derivation ran: a flood keeps each slot's thread busy
      // at most half the time, leaving the cores to everyone else's requests.
      setTimeout(() => this.#handOver(), performance.now() - started);
    }
  }

  #handOver(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running -= 1;
  }
}
