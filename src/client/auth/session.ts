import { AuthenticationError, ConfigurationError, isRetryableError } from '../errors/index.js';
import type { TokenResponse } from '../../contract/schemas/index.js';
import { apiKeyFingerprint, tokenClaims, type Principal } from './principal.js';
import type { AccessTokenGrant } from './host-session.js';
import type { TokenStore } from './token-store.js';

/**
 * Where a host app's token comes from: a token, asked for before every request, or a grant
 * with its expiry (a viewer session), kept and asked for again shortly before it expires.
 */
export type AccessTokenSource = () =>
  | string
  | AccessTokenGrant
  | null
  | undefined
  | Promise<string | AccessTokenGrant | null | undefined>;

/** A grant is renewed this long before it expires, or half-way through a shorter life. */
export const RENEW_BEFORE_MS = 30_000;

export interface SessionOptions {
  tokenStore: TokenStore;
  apiKey?: string | undefined;
  tenantId?: string | undefined;
  /** Host apps that own authentication hand the SDK a token this way. */
  getAccessToken?: AccessTokenSource | undefined;
  onSessionExpired?: ((error: AuthenticationError) => void) | undefined;
  /** Exchanges a refresh token for new tokens (the client's raw `/auth/refresh` call). */
  refresh: (refreshToken: string) => Promise<TokenResponse>;
  now: () => number;
}

/**
 * Credentials of one client: which headers a request carries, and the single refresh that
 * every request failing with 401 at the same moment waits on together.
 */
export class Session {
  #refreshing: Promise<void> | null = null;
  /** The host's latest grant, while `getAccessToken` answers grants. */
  #grant: { token: string; renewAt: number; expiresAt: number } | null = null;
  #granting: Promise<string | null | undefined> | null = null;
  /** The host's refusal, until it grants again: answered to requests refused meanwhile. */
  #refused: AuthenticationError | null = null;
  #tenantId: string | undefined;
  #version = 0;
  #fingerprint: { key: string; value: Promise<string> } | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly options: SessionOptions) {
    this.#tenantId = options.tenantId;
  }

  /**
   * The tenant requests act for: the one named at sign-in or in the options, else the one the
   * stored access token was issued for, so a reloaded page that kept its tokens keeps its tenant.
   */
  get tenantId(): string | undefined {
    if (this.#tenantId !== undefined || this.options.getAccessToken) return this.#tenantId;
    const token = this.options.tokenStore.get()?.accessToken;
    return token === undefined ? undefined : tokenClaims(token)?.tid;
  }

  set tenantId(value: string | undefined) {
    if (value === this.#tenantId) return;
    this.#tenantId = value;
    this.#changed();
  }

  /** Bumped whenever who is signed in, or for which tenant, changes. */
  get version(): number {
    return this.#version;
  }

  /** Hears of sign-in, sign-out, expiry and tenant changes; answers an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    this.#version += 1;
    for (const listener of [...this.#listeners]) listener();
  }

  /** A new login: tokens replace any earlier session's. */
  signIn(response: TokenResponse, tenantId: string): void {
    this.setTokens(response);
    this.#tenantId = tenantId;
    this.#changed();
  }

  get usesApiKey(): boolean {
    return (
      Boolean(this.options.apiKey) && !this.options.getAccessToken && !this.options.tokenStore.get()
    );
  }

  async headers(tenantOverride?: string): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    const token = this.options.getAccessToken
      ? await this.#hostToken()
      : this.options.tokenStore.get()?.accessToken;
    if (token) headers.Authorization = `Bearer ${token}`;
    else if (this.options.apiKey) headers['X-API-Key'] = this.options.apiKey;
    const tenant = tenantOverride ?? this.tenantId;
    if (tenant) headers['X-Tenant-ID'] = tenant;
    return headers;
  }

  /**
   * Whom a request carrying `headers` acts as: its tenant and its user or API key. Null when
   * it carries no credentials, or a token that names no subject.
   */
  async principalOf(headers: Record<string, string>): Promise<Principal | null> {
    const authorization = headers.Authorization;
    if (authorization) {
      const claims = tokenClaims(authorization.slice('Bearer '.length));
      const tenantId = headers['X-Tenant-ID'] ?? claims?.tid;
      return claims && tenantId ? { tenantId, id: `user:${claims.sub}` } : null;
    }
    const key = headers['X-API-Key'];
    const tenantId = headers['X-Tenant-ID'];
    if (!key || !tenantId) return null;
    if (this.#fingerprint?.key !== key) {
      this.#fingerprint = { key, value: apiKeyFingerprint(key) };
    }
    try {
      return { tenantId, id: `key:${await this.#fingerprint.value}` };
    } catch (cause) {
      throw new ConfigurationError(
        'Naming an API key for queued events needs Web Crypto, which browsers offer on https and localhost only',
        { cause },
      );
    }
  }

  /**
   * The host's token: a kept grant until shortly before it expires, then one request to
   * the host however many requests are waiting. While the host cannot be reached, a grant
   * that has not yet expired is still used.
   */
  #hostToken(): Promise<string | null | undefined> {
    const grant = this.#grant;
    if (grant && this.options.now() < grant.renewAt) return Promise.resolve(grant.token);
    this.#granting ??= this.#askHost().finally(() => {
      this.#granting = null;
    });
    return this.#granting;
  }

  async #askHost(): Promise<string | null | undefined> {
    const previous = this.#grant;
    let answer: Awaited<ReturnType<AccessTokenSource>>;
    try {
      answer = await this.options.getAccessToken!();
    } catch (error) {
      if (previous && isRetryableError(error) && this.options.now() < previous.expiresAt) {
        return previous.token;
      }
      throw error;
    }
    if (answer === null || answer === undefined || typeof answer === 'string') {
      this.#grant = null;
      return answer;
    }
    const expiresAt = Date.parse(answer.expires_at);
    if (typeof answer.access_token !== 'string' || answer.access_token === '' || !expiresAt) {
      throw new ConfigurationError(
        'getAccessToken must answer a token, or {access_token, expires_at} as a viewer session does',
      );
    }
    this.#refused = null;
    const lifetime = Math.max(0, expiresAt - this.options.now());
    this.#grant = {
      token: answer.access_token,
      expiresAt,
      renewAt: expiresAt - Math.min(RENEW_BEFORE_MS, lifetime / 2),
    };
    return answer.access_token;
  }

  /**
   * Whether a 401 can be cured by refreshing: the SDK holds a refresh token, or the host
   * hands out grants and may answer a new one (a revoked viewer session).
   */
  get canRefresh(): boolean {
    if (this.options.getAccessToken) return this.#grant !== null || this.#refused !== null;
    return Boolean(this.options.tokenStore.get()?.refreshToken);
  }

  setTokens(response: TokenResponse): void {
    this.options.tokenStore.set({
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      expiresAt:
        response.expires_in === undefined ? null : this.options.now() + response.expires_in * 1000,
    });
  }

  clear(): void {
    const had = this.options.tokenStore.get() !== null;
    this.options.tokenStore.clear();
    if (had) this.#changed();
  }

  /**
   * Refreshes once for everyone: callers arriving while a refresh runs share it. When it
   * fails the session is cleared, `onSessionExpired` hears of it once, and every waiter
   * gets the same `AuthenticationError`.
   */
  refreshOnce(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<void> {
    if (this.options.getAccessToken) return this.#renewGrant();
    const refreshToken = this.options.tokenStore.get()?.refreshToken;
    try {
      if (!refreshToken) throw new AuthenticationError('Not signed in');
      this.setTokens(await this.options.refresh(refreshToken));
    } catch (cause) {
      // An outage is not an expired session: keep the tokens and let the caller retry later.
      if (isRetryableError(cause)) throw cause;
      this.clear();
      const error = new AuthenticationError('Your session has expired; sign in again', {
        status: 401,
        code: 'session_expired',
        cause,
      });
      this.options.onSessionExpired?.(error);
      throw error;
    }
  }

  /**
   * The API refused the host's grant (a revoked session): ask the host once more. Its
   * refusal ends the session, heard once, and is the answer to every request refused
   * with the same grant.
   */
  async #renewGrant(): Promise<void> {
    if (this.#refused && !this.#grant) throw this.#refused;
    this.#grant = null;
    try {
      await this.#hostToken();
    } catch (error) {
      if (error instanceof AuthenticationError) {
        this.#refused = error;
        this.options.onSessionExpired?.(error);
      }
      throw error;
    }
  }

  /** Whether the host app supplies the token (`getAccessToken`). */
  get hostProvided(): boolean {
    return Boolean(this.options.getAccessToken);
  }

  /** Whether requests carry credentials: a login's token, an API key, or the host's. */
  get hasCredentials(): boolean {
    return this.hostProvided || this.secrets().length > 0;
  }

  /** Every secret this session could put on the wire, for scrubbing error text. */
  secrets(): string[] {
    const tokens = this.options.tokenStore.get();
    return [
      tokens?.accessToken,
      tokens?.refreshToken,
      this.#grant?.token,
      this.options.apiKey,
    ].filter((value): value is string => Boolean(value));
  }
}
