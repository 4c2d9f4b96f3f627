import ky, { type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { samePrincipal, type Principal } from '../auth/principal.js';
import type { Session } from '../auth/session.js';
import {
  AuditLogSDKError,
  AuthenticationError,
  NetworkError,
  RedirectError,
  TimeoutError,
} from '../errors/index.js';
import { errorFromResponse } from './error-from-response.js';
import { parseResponseBody } from './response-body.js';
import { parseRetryAfter } from './retry-after.js';
import { mayRetry, retryDelayMs, sleep, type RetryPolicy } from './retry-policy.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestHooks {
  /** Called before each attempt; may return a replacement `Request` (e.g. with a tracing header). */
  onRequest?: (request: Request) => unknown;
  /** Called with each answer, also error answers, before the SDK reads it. */
  onResponse?: (response: Response, request: Request) => void | Promise<void>;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  fetch: typeof globalThis.fetch | undefined;
  headers: Record<string, string>;
  hooks: RequestHooks;
  session: Session;
  random: () => number;
  now: () => number;
}

export interface RequestSpec {
  method: HttpMethod;
  /** Path below the base URL, without a leading slash, segments already encoded. */
  path: string;
  searchParams?: URLSearchParams | undefined;
  json?: unknown;
  signal?: AbortSignal | undefined;
  /** Sent on writes; the same key on every retry makes a retry harmless. */
  idempotencyKey?: string | undefined;
  /** False for login and refresh, which must not carry (or refresh) credentials. */
  authenticated?: boolean;
  tenantId?: string | undefined;
  /** Secrets in this request's body (a password), scrubbed from any error text. */
  secrets?: readonly string[];
  /** Names the operation in error messages ("listing events"). */
  what: string;
  /** Let the request outlive the page (`fetch` keepalive; bodies up to 64 KiB). */
  keepalive?: boolean | undefined;
  /**
   * Overrides when a failure may be retried: `safe` treats the request as idempotent (a
   * login may be repeated harmlessly); `rejected-only` retries only answers that say the
   * server did not act (429, 503) — a refresh whose answer was lost must not be replayed,
   * as its token is already spent.
   */
  retryMode?: 'safe' | 'rejected-only';
  /**
   * Send only as this principal. Checked before every attempt, retries and the replay after
   * a refresh included: if someone else has signed in meanwhile, nothing is sent.
   */
  principal?: Principal | undefined;
}

/**
 * The API never redirects; an answer that does means `baseUrl` points at the wrong place (or
 * something between intercepts). Browsers hide where a `redirect: 'manual'` answer points
 * (`opaqueredirect`); other runtimes show the 3xx itself.
 */
function redirectError(response: Response, what: string): RedirectError | null {
  if (response.type !== 'opaqueredirect' && !REDIRECT_STATUSES.has(response.status)) return null;
  let to = '';
  try {
    const location = response.headers.get('Location');
    if (location) to = ` to ${new URL(location, response.url).origin}`;
  } catch {
    // An unreadable Location only loses the detail.
  }
  return new RedirectError(
    `The API answered with a redirect${to} while ${what}; the SDK does not follow redirects, so credentials never reach another address. Set baseUrl to the API's own address`,
    { code: 'redirect', ...(response.status ? { status: response.status } : {}) },
  );
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Why an attempt's own controller aborted: the timeout rather than the caller. */
const TIMED_OUT = Symbol('timed out');

interface Attempt {
  response: Response;
  /** The body as text, or null when the caller streams it. */
  text: string | null;
  /** Ends the attempt's timeout; call once a streamed body is done with. */
  release: () => void;
  signal: AbortSignal;
}

/**
 * Sends requests through ky with the SDK's one retry layer: backoff with full jitter,
 * `Retry-After`, a timeout over the whole attempt (body included), a single shared token
 * refresh on 401, and every failure turned into a typed error.
 */
export class Transport {
  readonly #ky: KyInstance;

  constructor(readonly options: TransportOptions) {
    const { onRequest, onResponse } = options.hooks;
    this.#ky = ky.create({
      prefixUrl: options.baseUrl,
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      hooks: {
        beforeRequest: onRequest
          ? [
              async (request) => {
                const replacement = await onRequest(request);
                return replacement instanceof Request ? replacement : undefined;
              },
            ]
          : [],
        afterResponse: onResponse
          ? [
              async (request, _options, response) => {
                await onResponse(response, request);
              },
            ]
          : [],
      },
    });
  }

  /** Sends and validates a JSON answer. */
  async json<S extends z.ZodMiniType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const attempt = await this.#send(spec, true);
    return parseResponseBody(attempt.text ?? '', schema, {
      status: attempt.response.status,
      requestId: attempt.response.headers.get('X-Request-ID') ?? undefined,
      what: spec.what,
    });
  }

  /** Sends a request whose answer has no body (204). */
  async empty(spec: RequestSpec): Promise<void> {
    await this.#send(spec, true);
  }

  /**
   * Sends and hands back the answer unread, for streaming. The timeout covers waiting for
   * the headers; the caller's own signal still cancels the body.
   */
  async stream(spec: RequestSpec): Promise<Response> {
    const attempt = await this.#send(spec, false);
    attempt.release();
    return attempt.response;
  }

  #secrets(spec: RequestSpec): string[] {
    return [...this.options.session.secrets(), ...(spec.secrets ?? [])];
  }

  async #send(spec: RequestSpec, readBody: boolean): Promise<Attempt> {
    const { session, retry: policy } = this.options;
    const authenticated = spec.authenticated !== false;
    let refreshed = false;
    for (let retries = 0; ;) {
      let failure: unknown;
      let retryAfter: number | undefined;
      let needsRefresh = false;
      try {
        const attempt = await this.#attempt(spec, readBody);
        const { response } = attempt;
        if (response.ok) return attempt;
        const text = attempt.text ?? (await this.#readText(attempt));
        attempt.release();
        needsRefresh = response.status === 401 && authenticated && !refreshed && session.canRefresh;
        failure = errorFromResponse(
          response.status,
          response.headers,
          text,
          this.#secrets(spec),
          this.options.now(),
        );
        if (response.status === 503) {
          retryAfter = parseRetryAfter(response.headers.get('Retry-After'), this.options.now());
        }
      } catch (error) {
        if (spec.signal?.aborted) throw spec.signal.reason;
        if (error instanceof AuditLogSDKError) failure = error;
        else
          failure = new NetworkError(
            `Could not reach the audit log API while ${spec.what}; check the connection and baseUrl`,
            { cause: error, code: 'network_error' },
          );
        if (!(failure instanceof NetworkError || failure instanceof TimeoutError)) throw failure;
      }
      if (needsRefresh) {
        // Outside the try: a failed refresh is final for this request, not a retryable blip.
        refreshed = true;
        await session.refreshOnce();
        continue;
      }
      if (retries < policy.maxRetries && this.#mayRetry(spec, failure)) {
        const wait = retryDelayMs(failure, retries + 1, policy, this.options.random, retryAfter);
        if (wait !== null) {
          retries += 1;
          await sleep(wait, spec.signal);
          continue;
        }
      }
      throw failure;
    }
  }

  #mayRetry(spec: RequestSpec, failure: unknown): boolean {
    if (spec.retryMode === 'rejected-only') {
      return (
        failure instanceof AuditLogSDKError && (failure.status === 429 || failure.status === 503)
      );
    }
    return mayRetry(
      failure,
      spec.method,
      spec.retryMode === 'safe' || Boolean(spec.idempotencyKey),
    );
  }

  async #attempt(spec: RequestSpec, readBody: boolean): Promise<Attempt> {
    const credentials =
      spec.authenticated === false ? {} : await this.options.session.headers(spec.tenantId);
    if (
      spec.principal &&
      !samePrincipal(await this.options.session.principalOf(credentials), spec.principal)
    ) {
      throw new AuthenticationError(
        `Not sent while ${spec.what}: it belongs to another user or tenant than the one signed in now`,
        { code: 'principal_changed' },
      );
    }
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(spec.signal?.reason);
    spec.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.options.timeoutMs);
    const release = () => {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onCallerAbort);
    };
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...this.options.headers,
      ...credentials,
    };
    if (spec.idempotencyKey) headers['Idempotency-Key'] = spec.idempotencyKey;
    // A fetch that ignores its signal must not hang the client past its timeout or an abort.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      });
    });
    aborted.catch(() => {});
    try {
      const pending = this.#ky(spec.path, {
        method: spec.method,
        headers,
        signal: controller.signal,
        ...(spec.searchParams ? { searchParams: spec.searchParams } : {}),
        ...(spec.json === undefined ? {} : { json: spec.json }),
        ...(spec.keepalive ? { keepalive: true } : {}),
        // Never follow: a redirect would resend the credentials, or a login's password.
        redirect: 'manual',
      });
      pending.catch(() => {}); // when the abort wins the race, its later rejection is expected
      const response = await Promise.race([pending, aborted]);
      const redirected = redirectError(response, spec.what);
      if (redirected) {
        void response.body?.cancel().catch(() => {});
        throw redirected;
      }
      const attempt: Attempt = { response, text: null, release, signal: controller.signal };
      if (readBody) {
        attempt.text = await Promise.race([response.text(), aborted]);
        release();
      }
      return attempt;
    } catch (error) {
      release();
      if (controller.signal.reason === TIMED_OUT) {
        throw new TimeoutError(
          `No answer within ${this.options.timeoutMs / 1000} s while ${spec.what}; the server may be overloaded`,
          { code: 'timeout', cause: error },
        );
      }
      throw error;
    }
  }

  async #readText(attempt: Attempt): Promise<string> {
    try {
      return await attempt.response.text();
    } catch {
      return '';
    }
  }
}
