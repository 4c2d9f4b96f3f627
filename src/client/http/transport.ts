import ky, {
  HTTPError,
  TimeoutError as KyTimeoutError,
  type KyInstance,
  type RetryOptions,
} from 'ky';
import { samePrincipal, type Principal } from '../auth/principal.js';
import type { Session } from '../auth/session.js';
import {
  AuditLogSDKError,
  AuthenticationError,
  NetworkError,
  TimeoutError,
} from '../errors/index.js';
import { errorFromResponse } from './error-from-response.js';
import { redirectError } from './redirect.js';
import { parseResponseBody, type AnswerCheck } from './response-body.js';
import { parseRetryAfter } from './retry-after.js';
import {
  RETRY_AFTER_STATUSES,
  RETRY_STATUSES,
  backoffCeiling,
  fullJitter,
  type RetryPolicy,
} from './retry-policy.js';

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
  /** A JSON body serialised already (a batch's, made while its events are validated). */
  jsonText?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Sent on writes; the same key on every retry makes a retry harmless. */
  idempotencyKey?: string | undefined;
  /** False for login and refresh, which must not carry (or refresh) credentials. */
  authenticated?: boolean;
  /**
   * Sent instead of the session's credentials: a logout revokes a token the session has
   * already dropped, so nothing else goes out with it meanwhile.
   */
  credentials?: Record<string, string> | undefined;
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

/** One request's state across its attempts; ky copies `context` shallowly, so it holds this. */
interface Call {
  spec: RequestSpec;
  /** When the latest attempt started: the body's deadline counts from here. */
  started: number;
  /** Whether this request has had its one refresh-and-replay. */
  refreshed: boolean;
}

const callOf = (options: { context: Record<string, unknown> }) => options.context.call as Call;

/**
 * Sends requests through ky, which owns the retry loop (limit, methods, statuses,
 * `Retry-After` with a cap, backoff with full jitter), the timeout and the hooks; this
 * class adds what is the SDK's own: credentials per attempt, a single shared token refresh
 * on 401, no redirects, a deadline for the body, and every failure as a typed error.
 * Just over 300 lines: those five share one call's state, and splitting them would pass it
 * between files.
 */
export class Transport {
  readonly #ky: KyInstance;

  constructor(readonly options: TransportOptions) {
    const { onRequest, onResponse } = options.hooks;
    const policy = options.retry;
    this.#ky = ky.create({
      prefixUrl: options.baseUrl,
      timeout: options.timeoutMs,
      // Never follow: a redirect would resend the credentials, or a login's password.
      redirect: 'manual',
      ...(options.fetch ? { fetch: options.fetch } : {}),
      retry: {
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: RETRY_AFTER_STATUSES,
        maxRetryAfter: policy.maxRetryAfter,
        delay: (attempt) => backoffCeiling(attempt, policy),
        jitter: (ceiling) => fullJitter(ceiling, options.random),
        retryOnTimeout: true,
      },
      hooks: {
        // Ours first: a host's hook that returns a new Request ends ky's list.
        beforeRequest: [
          (request, ky) => this.#authorize(request, callOf(ky)),
          ...(onRequest
            ? [
                async (request: Request) => {
                  const replacement = await onRequest(request);
                  return replacement instanceof Request ? replacement : undefined;
                },
              ]
            : []),
        ],
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
  async json<T>(spec: RequestSpec, answer: AnswerCheck<T>): Promise<T> {
    const { response, text } = await this.#send(spec, true);
    return parseResponseBody(text, answer, {
      status: response.status,
      requestId: response.headers.get('X-Request-ID') ?? undefined,
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
    return (await this.#send(spec, false)).response;
  }

  #secrets(spec: RequestSpec): string[] {
    return [...this.options.session.secrets(), ...(spec.secrets ?? [])];
  }

  /** Each attempt's headers, read afresh, so a replay after a refresh carries the new token. */
  async #authorize(request: Request, call: Call): Promise<void> {
    const { spec } = call;
    call.started = this.options.now();
    const credentials =
      spec.credentials ??
      (spec.authenticated === false ? {} : await this.options.session.headers(spec.tenantId));
    if (
      spec.principal &&
      !samePrincipal(await this.options.session.principalOf(credentials), spec.principal)
    ) {
      throw new AuthenticationError(
        `Not sent while ${spec.what}: it belongs to another user or tenant than the one signed in now`,
        { code: 'principal_changed' },
      );
    }
    for (const [name, value] of Object.entries({ ...this.options.headers, ...credentials })) {
      request.headers.set(name, value);
    }
  }

  /**
   * A 401 with a refresh token at hand: refresh once for every request that hit it (the
   * session shares one refresh) and replay this one at once, outside the retry budget.
   */
  async #refreshOnUnauthorized(
    call: Call,
    response: Response,
  ): Promise<ReturnType<typeof ky.retry> | undefined> {
    if (response.status !== 401 || call.refreshed || !this.options.session.canRefresh) {
      return undefined;
    }
    call.refreshed = true;
    await this.options.session.refreshOnce();
    return ky.retry({ delay: 0 });
  }

  #retry(call: Call): RetryOptions {
    const { spec } = call;
    const policy = this.options.retry;
    const safe = spec.method === 'GET' || spec.retryMode === 'safe' || Boolean(spec.idempotencyKey);
    return {
      // One more than the budget: room for the replay after a refresh, which ky counts.
      limit: policy.maxRetries + 1,
      methods: safe || spec.retryMode === 'rejected-only' ? [spec.method] : [],
      shouldRetry: ({ error, retryCount }) => {
        if (spec.signal?.aborted) return false;
        if (retryCount > policy.maxRetries + (call.refreshed ? 1 : 0)) return false;
        // Our own failures (a refused refresh, another principal, a redirect) are final.
        if (error instanceof AuditLogSDKError) return false;
        const status = error instanceof HTTPError ? error.response.status : undefined;
        if (spec.retryMode === 'rejected-only' && status !== 429 && status !== 503) return false;
        if (error instanceof HTTPError && RETRY_AFTER_STATUSES.includes(error.response.status)) {
          const wait = parseRetryAfter(error.response.headers.get('Retry-After'), Date.now());
          // ky would wait the cap and retry; the contract hands a longer wait to the caller.
          if (wait !== undefined && wait * 1000 > policy.maxRetryAfter) return false;
        }
        return undefined;
      },
    };
  }

  async #send(spec: RequestSpec, readBody: boolean): Promise<{ response: Response; text: string }> {
    const call: Call = { spec, started: this.options.now(), refreshed: false };
    let response: Response;
    try {
      response = await this.#ky(spec.path, {
        method: spec.method,
        headers: {
          Accept: 'application/json',
          ...(spec.jsonText === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(spec.idempotencyKey ? { 'Idempotency-Key': spec.idempotencyKey } : {}),
        },
        context: { call },
        retry: this.#retry(call),
        ...(spec.signal ? { signal: spec.signal } : {}),
        ...(spec.searchParams ? { searchParams: spec.searchParams } : {}),
        ...(spec.json === undefined ? {} : { json: spec.json }),
        ...(spec.jsonText === undefined ? {} : { body: spec.jsonText }),
        ...(spec.keepalive ? { keepalive: true } : {}),
        // Only where a refresh is possible: ky clones every answer for each such hook.
        ...(spec.authenticated !== false && this.options.session.canRefresh
          ? {
              hooks: {
                afterResponse: [(_r, _o, answer) => this.#refreshOnUnauthorized(call, answer)],
              },
            }
          : {}),
      });
    } catch (error) {
      throw await this.#typed(error, call);
    }
    // ky's timeout ends when the headers arrive; the SDK's covers the body too. A body that
    // stalls is therefore not retried: ky's retry loop has ended by the time it is read.
    return { response, text: readBody ? await this.#text(response, call) : '' };
  }

  /** The body, or a `TimeoutError` once the attempt's time is up. */
  async #text(response: Response, call: Call): Promise<string> {
    const left = call.started + this.options.timeoutMs - this.options.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.#timeout(call.spec)), Math.max(0, left));
    });
    try {
      return await Promise.race([response.text(), deadline]);
    } catch (error) {
      void response.body?.cancel().catch(() => {});
      throw error instanceof TimeoutError ? error : await this.#typed(error, call);
    } finally {
      clearTimeout(timer);
    }
  }

  #timeout(spec: RequestSpec, cause?: unknown): TimeoutError {
    return new TimeoutError(
      `No answer within ${this.options.timeoutMs / 1000} s while ${spec.what}; the server may be overloaded`,
      { code: 'timeout', cause },
    );
  }

  /** Every way a request can fail, as the SDK's typed error. */
  async #typed(error: unknown, call: Call): Promise<unknown> {
    const { spec } = call;
    if (spec.signal?.aborted) return spec.signal.reason;
    if (error instanceof AuditLogSDKError) return error;
    if (error instanceof KyTimeoutError) return this.#timeout(spec, error);
    if (error instanceof HTTPError) {
      const { response } = error;
      const redirect = redirectError(response, spec.what);
      if (redirect) {
        void response.body?.cancel().catch(() => {});
        return redirect;
      }
      let text = '';
      try {
        text = await this.#text(response, call);
      } catch {
        // The status still says what failed.
      }
      return errorFromResponse(
        response.status,
        response.headers,
        text,
        this.#secrets(spec),
        this.options.now(),
      );
    }
    return new NetworkError(
      `Could not reach the audit log API while ${spec.what}; check the connection and baseUrl`,
      { cause: error, code: 'network_error' },
    );
  }
}
