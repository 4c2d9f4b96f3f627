import type { Principal } from './auth/principal.js';
import { Session } from './auth/session.js';
import { memoryTokenStore } from './auth/token-store.js';
import type { BatchOptions } from './batch.js';
import { checkOptions, type AuditLogClientOptions } from './client-options.js';
import { ValidationError } from './errors/index.js';
import type { ExportProgress } from './export-download.js';
import { DEFAULT_RETRY_POLICY } from './http/retry-policy.js';
import { Transport, type RequestSpec } from './http/transport.js';
import { MAX_PAGE_SIZE } from '../contract/constants.js';
import { newId } from '../contract/ids.js';
import type { AuditLogEventInput, AuditLogQueryInput } from '../contract/input-types.js';
import { checkInput, validateQuery } from './checked-input.js';
import type { AnswerCheck } from './http/response-body.js';
import type * as FirstCallModule from './on-first-call.js';
import { route } from './paths.js';
import { ROUTES, type Route } from '../contract/routes.js';
import { toSearchParams } from '../contract/query-params.js';
import {
  AuditLogEventCheck,
  AuditLogSummaryCheck,
  PaginatedAuditLogsCheck,
  PaginationCheck,
  SummaryIntervalCheck,
} from '../contract/generated/validators.js';
import type {
  SessionInfo,
  ViewerSessionCreate,
  ViewerSessionResponse,
  APIKeyCreate,
  APIKeyResponse,
  AuditLogEvent,
  AuditLogExport,
  AuditLogSummary,
  ConsistencyProof,
  LogEntries,
  ExportManifest,
  ExportColumn,
  FacetField,
  FacetsResponse,
  Health,
  Jwks,
  LoginRequest,
  PaginatedAuditLogs,
  ProofsResponse,
  SummaryInterval,
  TokenResponse,
  TreeHead,
  UserCreate,
  UserResponse,
  UserUpdate,
} from '../contract/schemas/index.js';

// What a page of events needs is imported above, checked by validators generated from the
// schemas (no zod); every other endpoint's schemas, zod with them, and code load with the
// first call of one (see on-first-call.ts).
type FirstCall = typeof FirstCallModule;

/**
 * Loads what calls other than reading events need. A cancelled call stops waiting for that
 * chunk at once: on a slow network it would otherwise hold a cancelled export or sign-in open.
 */
function onFirstCall(signal?: AbortSignal): Promise<FirstCall> {
  const loading = import('./on-first-call.js');
  if (!signal) return loading;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<FirstCall>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    loading.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

export interface RequestOptions {
  /** Cancels the request at once, also while it waits to retry. */
  signal?: AbortSignal | undefined;
}

export interface WriteOptions extends RequestOptions {
  /** Makes retries and repeats harmless; one is generated when left out. */
  idempotencyKey?: string | undefined;
}

export interface PageOptions extends RequestOptions {
  page?: number | undefined;
  size?: number | undefined;
}

export interface CsvExport {
  format: 'csv';
  /** The CSV file, ready to save or upload. */
  blob: Blob;
  /** Rows in the file (header excluded). */
  count: number;
  generatedAt: string | undefined;
  /** The server's suggested file name (`audit-logs-<tenant>-<date>.csv`). */
  fileName: string;
  /** Names the export's signed manifest (`getExportManifest`); absent from older servers. */
  exportId: string | undefined;
}

export interface ExportOptions<F extends 'json' | 'csv'> extends RequestOptions {
  format?: F;
  /** CSV only: called per received chunk. */
  onProgress?: ((progress: ExportProgress) => void) | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const SORT_KEYS: ReadonlySet<string> = new Set(['sort_by', 'sort_order']);

export interface ExportFileOptions extends RequestOptions {
  /** Default CSV. */
  format?: 'csv' | 'json' | undefined;
  /** Keep only these fields, in this order; the server narrows the file. Default all. */
  columns?: readonly ExportColumn[] | undefined;
  /**
   * Stream the file here as it arrives, e.g. `await fileHandle.createWritable()` from the
   * File System Access API: it is closed when the export is complete and aborted when it
   * fails or is cancelled. Left out, the file is kept in memory as a Blob.
   */
  destination?: WritableStream<Uint8Array> | undefined;
  /** Without a `destination`: the most the Blob may hold. Default `MAX_BLOB_EXPORT_BYTES`. */
  maxBlobBytes?: number | undefined;
  /** Called per received chunk. */
  onProgress?: ((progress: ExportProgress) => void) | undefined;
}

export interface ExportFile {
  format: 'csv' | 'json';
  /** The file, when it was kept in memory (no `destination`). */
  blob: Blob | undefined;
  /** The server's name for it (`audit-logs-<tenant>-<date>.<csv|json>`). */
  fileName: string;
  /** Rows in the file (a CSV header excluded). */
  count: number;
  /** Bytes in the file. */
  bytes: number;
  generatedAt: string | undefined;
  /** Names the export's signed manifest (`getExportManifest`); absent from older servers. */
  exportId: string | undefined;
}

/**
 * The Audit Log API client. Browser-safe (no Node built-ins), validated both ways, with one
 * retry layer, idempotent writes and a self-refreshing session. Longer than 300 lines because
 * it is the seed's one client class: a short method per endpoint of the contract's table.
 */
export class AuditLogClient {
  readonly baseUrl: string;
  readonly #transport: Transport;
  readonly #session: Session;
  readonly #tenantOverride: string | undefined;
  readonly #timeoutMs: number;

  /** `shared` is internal: `withTenant` passes the transport and session it shares. */
  constructor(
    options: AuditLogClientOptions,
    shared?: { transport: Transport; session: Session; tenantId: string },
  ) {
    const url = checkOptions(options);
    this.baseUrl = url.href.replace(/\/+$/, '');
    this.#timeoutMs = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.#tenantOverride = shared?.tenantId;
    if (shared) {
      this.#session = shared.session;
      this.#transport = shared.transport;
      return;
    }
    const tokenStore = options.tokenStore ?? memoryTokenStore();
    const now = options.now ?? Date.now;
    if (options.accessToken) {
      tokenStore.set({ accessToken: options.accessToken, refreshToken: null, expiresAt: null });
    }
    this.#session = new Session({
      tokenStore,
      apiKey: options.apiKey,
      tenantId: options.tenantId,
      getAccessToken: options.getAccessToken,
      onSessionExpired: options.onSessionExpired,
      refresh: (refreshToken) => this.#refresh(refreshToken),
      now,
    });
    this.#transport = new Transport({
      baseUrl: `${this.baseUrl}/`,
      timeoutMs: this.#timeoutMs,
      retry: {
        maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
        retryDelay: options.retryDelay ?? DEFAULT_RETRY_POLICY.retryDelay,
        maxRetryDelay: options.maxRetryDelay ?? DEFAULT_RETRY_POLICY.maxRetryDelay,
        maxRetryAfter: options.maxRetryAfter ?? DEFAULT_RETRY_POLICY.maxRetryAfter,
      },
      fetch: options.fetch,
      headers: options.headers ?? {},
      hooks: options.hooks ?? {},
      session: this.#session,
      random: options.random ?? Math.random,
      now,
    });
  }

  /** The tenant requests act for: the override of `withTenant`, the login's, or the option's. */
  get tenantId(): string | undefined {
    return this.#tenantOverride ?? this.#session.tenantId;
  }

  /**
   * Calls `listener` when who is signed in, or for which tenant, changes (login, logout, an
   * expired session). Answers the function that unsubscribes. UI layers key caches on this.
   */
  subscribe(listener: () => void): () => void {
    return this.#session.subscribe(listener);
  }

  /** Changes each time `subscribe` listeners are called; a cheap snapshot for UI layers. */
  get sessionVersion(): number {
    return this.#session.version;
  }

  /** Whether requests authenticate with an API key rather than a signed-in user's token. */
  get usesApiKey(): boolean {
    return this.#session.usesApiKey;
  }

  /** Whether the client holds credentials (a token, an API key, or a host's `getAccessToken`). */
  get isAuthenticated(): boolean {
    return this.#session.hasCredentials;
  }

  /**
   * Whom requests act as now: the tenant and the signed-in user or API key (a fingerprint,
   * never the key). Null while signed out.
   */
  async principal(): Promise<Principal | null> {
    return this.#session.principalOf(await this.#session.headers(this.#tenantOverride));
  }

  /**
   * The same credentials acting for another tenant (`X-Tenant-ID`); for system admins.
   * Shares the session, so a refresh or logout applies to both.
   */
  withTenant(tenantId: string): AuditLogClient {
    if (!tenantId) throw new ValidationError('withTenant needs a tenant id');
    return new AuditLogClient(
      { baseUrl: this.baseUrl },
      { transport: this.#transport, session: this.#session, tenantId },
    );
  }

  #spec(spec: Omit<RequestSpec, 'tenantId'>): RequestSpec {
    return { ...spec, tenantId: this.#tenantOverride };
  }

  /** A JSON request to one route of the contract, its answer checked with `answer`. */
  #call<T>(
    endpoint: Route,
    answer: AnswerCheck<T>,
    spec: Omit<RequestSpec, 'tenantId' | 'method' | 'path'> & { id?: { id: string; what: string } },
  ): Promise<T> {
    const { id, ...rest } = spec;
    return this.#transport.json(this.#spec({ ...route(endpoint, id), ...rest }), answer);
  }

  // Authentication

  /** Signs in; later requests carry the token and refresh it when it expires. */
  async login(credentials: LoginRequest, options: RequestOptions = {}): Promise<TokenResponse> {
    const { LoginRequestSchema, TokenResponseSchema, validateInput } = await onFirstCall(
      options.signal,
    );
    const body = validateInput(LoginRequestSchema, credentials, 'login');
    const tokens = await this.#transport.json(
      {
        ...route(ROUTES.login),
        json: body,
        signal: options.signal,
        authenticated: false,
        secrets: [credentials.password],
        what: 'signing in',
        retryMode: 'safe',
      },
      TokenResponseSchema,
    );
    this.#session.signIn(tokens, body.tenant_id);
    return tokens;
  }

  async #refresh(refreshToken: string): Promise<TokenResponse> {
    const { TokenResponseSchema } = await onFirstCall();
    return this.#transport.json(
      {
        ...route(ROUTES.refresh),
        json: { refresh_token: refreshToken },
        authenticated: false,
        secrets: [refreshToken],
        what: 'refreshing the session',
        retryMode: 'rejected-only',
      },
      TokenResponseSchema,
    );
  }

  /** Exchanges the refresh token for new tokens now (it is also done on the first 401). */
  async refreshToken(): Promise<void> {
    await this.#session.refreshOnce();
  }

  /**
   * Signs out: the local tokens go at once, before the server is asked to revoke them, so no
   * request of the page (a refetch woken by the sign-out) can still carry a token being
   * revoked; then the server revokes this login's refresh token.
   */
  async logout(options: RequestOptions = {}): Promise<void> {
    // A host's token (getAccessToken) is the host's to end, not this client's.
    const signedIn =
      !this.#session.hostProvided && (this.#session.canRefresh || this.isAuthenticated);
    // Read before the first await, while the session still holds the token.
    const credentials = this.#session.headers(this.#tenantOverride);
    this.#session.clear();
    if (!signedIn) return;
    const headers = await credentials;
    await this.#transport.empty(
      this.#spec({
        ...route(ROUTES.logout),
        signal: options.signal,
        what: 'signing out',
        credentials: headers,
        secrets: Object.values(headers),
      }),
    );
  }

  async getCurrentUser(options: RequestOptions = {}): Promise<UserResponse> {
    const { UserResponseSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.me, UserResponseSchema, {
      signal: options.signal,
      what: 'loading the current user',
    });
  }

  /** What this client's credential is and may do, for every kind of credential (extension). */
  async getSession(options: RequestOptions = {}): Promise<SessionInfo> {
    const { SessionInfoSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.session, SessionInfoSchema, {
      signal: options.signal,
      what: 'loading what this session may do',
    });
  }

  // Viewer sessions (minted by a host's backend; see `audit-log-sdk/server`)

  /**
   * Starts a short-lived, read-only session for one of the host's users. Meant for a
   * server holding an `embed` API key or an admin's token, never for browser code.
   */
  async createViewerSession(
    session: ViewerSessionCreate,
    options: RequestOptions = {},
  ): Promise<ViewerSessionResponse> {
    const { ViewerSessionCreateSchema, ViewerSessionResponseSchema, validateInput } =
      await onFirstCall(options.signal);
    const body = validateInput(ViewerSessionCreateSchema, session, 'viewer session');
    return this.#call(ROUTES.createViewerSession, ViewerSessionResponseSchema, {
      json: body,
      signal: options.signal,
      what: 'starting a viewer session',
    });
  }

  /** Ends a viewer session at once. */
  async revokeViewerSession(id: string, options: RequestOptions = {}): Promise<void> {
    await this.#transport.empty(
      this.#spec({
        ...route(ROUTES.revokeViewerSession, { id, what: 'viewer session' }),
        signal: options.signal,
        what: 'ending a viewer session',
      }),
    );
  }

  // Users and API keys

  async createUser(user: UserCreate, options: RequestOptions = {}): Promise<UserResponse> {
    const { UserCreateSchema, UserResponseSchema, validateInput } = await onFirstCall(
      options.signal,
    );
    const body = validateInput(UserCreateSchema, user, 'user');
    return this.#call(ROUTES.createUser, UserResponseSchema, {
      json: body,
      signal: options.signal,
      secrets: [user.password],
      what: 'creating a user',
    });
  }

  async getUser(id: string, options: RequestOptions = {}): Promise<UserResponse> {
    const { UserResponseSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.getUser, UserResponseSchema, {
      id: { id, what: 'user' },
      signal: options.signal,
      what: 'loading a user',
    });
  }

  async updateUser(
    id: string,
    update: UserUpdate,
    options: RequestOptions = {},
  ): Promise<UserResponse> {
    const { UserUpdateSchema, UserResponseSchema, validateInput } = await onFirstCall(
      options.signal,
    );
    const body = validateInput(UserUpdateSchema, update, 'user update');
    return this.#call(ROUTES.updateUser, UserResponseSchema, {
      id: { id, what: 'user' },
      json: body,
      signal: options.signal,
      secrets: [update.password, update.current_password].filter(
        (secret): secret is string => !!secret,
      ),
      what: 'updating a user',
    });
  }

  /** Deactivates a user (the API's DELETE); their sessions stop working. */
  async deactivateUser(id: string, options: RequestOptions = {}): Promise<UserResponse> {
    const { UserResponseSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.deactivateUser, UserResponseSchema, {
      id: { id, what: 'user' },
      signal: options.signal,
      what: 'deactivating a user',
    });
  }

  /** Creates an API key; the answer is the only time its `key` is shown. */
  async createApiKey(key: APIKeyCreate, options: RequestOptions = {}): Promise<APIKeyResponse> {
    const { APIKeyCreateSchema, APIKeyResponseSchema, validateInput } = await onFirstCall(
      options.signal,
    );
    const body = validateInput(APIKeyCreateSchema, key, 'API key');
    return this.#call(ROUTES.createApiKey, APIKeyResponseSchema, {
      json: body,
      signal: options.signal,
      what: 'creating an API key',
    });
  }

  /** The tenant's API keys, each with its prefix; a key itself is never shown again. */
  async listApiKeys(options: RequestOptions = {}): Promise<APIKeyResponse[]> {
    const { APIKeyListSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.listApiKeys, APIKeyListSchema, {
      signal: options.signal,
      what: 'listing API keys',
    });
  }

  /** Revokes an API key at once; the answer shows it inactive. */
  async revokeApiKey(id: string, options: RequestOptions = {}): Promise<APIKeyResponse> {
    const { APIKeyResponseSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.revokeApiKey, APIKeyResponseSchema, {
      id: { id, what: 'API key' },
      signal: options.signal,
      what: 'revoking an API key',
    });
  }

  // Events

  /** Stores one event. Retries reuse its idempotency key, so it is stored once. */
  async createEvent(event: AuditLogEventInput, options: WriteOptions = {}): Promise<AuditLogEvent> {
    const { validateEvent } = await onFirstCall(options.signal);
    const body = validateEvent(event);
    return this.#transport.json(
      this.#spec({
        ...route(ROUTES.createEvent),
        json: body,
        signal: options.signal,
        idempotencyKey: options.idempotencyKey ?? newId(),
        what: 'creating an event',
      }),
      AuditLogEventCheck,
    );
  }

  /**
   * Stores any number of events in ≤ 1000-event requests sent a few at a time; answers them
   * in input order. Every event is validated before anything is sent. On partial failure
   * a `BatchError` says which events were stored.
   */
  async createEventsBatch(
    events: readonly AuditLogEventInput[],
    options: BatchOptions = {},
  ): Promise<AuditLogEvent[]> {
    if (events.length === 0) return [];
    const { sendInChunks, chunkSizeOf, chunksOf, batchBody, AuditLogEventListSchema } =
      await onFirstCall(options.signal);
    const size = chunkSizeOf(options.chunkSize);
    const chunks = chunksOf(events.length, size);
    if (options.idempotencyKey !== undefined && chunks.length > 1) {
      throw new ValidationError('An idempotencyKey fits a batch sent in one request only', {
        details: { idempotencyKey: `Send at most ${size} events with one key` },
      });
    }
    const bodies = chunks.map(({ start, length }) => batchBody(events, start, length));
    return sendInChunks(
      events,
      chunks,
      (chunk, signal) =>
        this.#transport.json(
          this.#spec({
            ...route(ROUTES.createEventsBatch),
            jsonText: bodies[chunk],
            signal,
            idempotencyKey: options.idempotencyKey ?? newId(),
            keepalive: options.keepalive,
            principal: options.principal,
            what: `creating ${chunks[chunk]!.length} events`,
          }),
          AuditLogEventListSchema,
        ),
      options,
    );
  }

  async getEvent(id: string, options: RequestOptions = {}): Promise<AuditLogEvent> {
    return this.#call(ROUTES.getEvent, AuditLogEventCheck, {
      id: { id, what: 'event' },
      signal: options.signal,
      what: 'loading an event',
    });
  }

  /** One page of events matching the query (page from 1, size up to 1000, default 50). */
  async queryEvents(
    query: AuditLogQueryInput = {},
    options: PageOptions = {},
  ): Promise<PaginatedAuditLogs> {
    const filter = await validateQuery(query);
    const page = await checkInput(
      PaginationCheck,
      { page: options.page, size: options.size },
      'page',
    );
    return this.#transport.json(
      this.#spec({
        ...route(ROUTES.queryEvents),
        searchParams: toSearchParams({ ...filter, ...page }),
        signal: options.signal,
        what: 'listing events',
      }),
      PaginatedAuditLogsCheck,
    );
  }

  /**
   * Every matching event, page by page, fetched as the loop asks for more. Break out of the
   * loop to stop. Pages are read in `pageSize` steps (default 1000).
   */
  async *iterateEvents(
    query: AuditLogQueryInput = {},
    options: RequestOptions & { pageSize?: number } = {},
  ): AsyncGenerator<AuditLogEvent, void, undefined> {
    const size = options.pageSize ?? MAX_PAGE_SIZE;
    for (let page = 1; ; page++) {
      const result = await this.queryEvents(query, { page, size, signal: options.signal });
      yield* result.items;
      if (page >= result.pages || result.items.length === 0) return;
    }
  }

  /** Collects matching events into an array, refusing to go past `limit` (no unbounded fetch-all). */
  async listEvents(
    query: AuditLogQueryInput,
    options: RequestOptions & { limit: number },
  ): Promise<AuditLogEvent[]> {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new ValidationError('listEvents needs a positive whole-number limit', {
        details: { limit: 'Must be ≥ 1' },
      });
    }
    const events: AuditLogEvent[] = [];
    const pageSize = Math.min(MAX_PAGE_SIZE, options.limit);
    for await (const event of this.iterateEvents(query, { pageSize, signal: options.signal })) {
      events.push(event);
      if (events.length >= options.limit) break;
    }
    return events;
  }

  /** Counts over the matching events; with `interval`, a timeline too. */
  async getSummary(
    query: AuditLogQueryInput = {},
    options: RequestOptions & { interval?: SummaryInterval | undefined } = {},
  ): Promise<AuditLogSummary> {
    const filter = await validateQuery(query);
    const interval =
      options.interval === undefined
        ? undefined
        : await checkInput(SummaryIntervalCheck, options.interval, 'interval');
    return this.#transport.json(
      this.#spec({
        ...route(ROUTES.getSummary),
        searchParams: toSearchParams({ ...filter, interval }),
        signal: options.signal,
        what: 'loading the summary',
      }),
      AuditLogSummaryCheck,
    );
  }

  /**
   * The most frequent values of `fields` among the matching events, with counts (`limit`
   * per field, 1..100, default 10), and the matching total. Extension: a server without it
   * answers 404.
   */
  async getFacets(
    fields: readonly FacetField[],
    query: AuditLogQueryInput = {},
    options: RequestOptions & { limit?: number | undefined } = {},
  ): Promise<FacetsResponse> {
    // Counts have no order, so the query's sort stays off the wire.
    const filter = Object.fromEntries(
      Object.entries(await validateQuery(query)).filter(([key]) => !SORT_KEYS.has(key)),
    );
    // The filters were checked above; only the facet's own parameters are left to check.
    const { FacetsParamsSchema, FacetsResponseSchema, validateInput } = await onFirstCall(
      options.signal,
    );
    const { fields: named, limit } = validateInput(
      FacetsParamsSchema,
      { fields, limit: options.limit },
      'facets',
    );
    return this.#call(ROUTES.getFacets, FacetsResponseSchema, {
      searchParams: toSearchParams({ ...filter, fields: named, limit }),
      signal: options.signal,
      what: 'counting values',
    });
  }

  /**
   * Exports the matching events: a JSON document (up to 100,000 rows), or a CSV file streamed
   * with progress (`onProgress`) and no row limit.
   */
  exportEvents(
    query?: AuditLogQueryInput,
    options?: ExportOptions<'json'>,
  ): Promise<AuditLogExport>;
  exportEvents(
    query: AuditLogQueryInput,
    options: ExportOptions<'csv'> & { format: 'csv' },
  ): Promise<CsvExport>;
  async exportEvents(
    query: AuditLogQueryInput = {},
    options: ExportOptions<'json' | 'csv'> = {},
  ): Promise<AuditLogExport | CsvExport> {
    const filter = await validateQuery(query);
    const format = options.format ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      throw new ValidationError('format must be "json" or "csv"', {
        details: { format: 'Must be json or csv' },
      });
    }
    const spec = this.#spec({
      ...route(ROUTES.exportEvents),
      searchParams: toSearchParams({ ...filter, format }),
      signal: options.signal,
      what: 'exporting events',
    });
    if (format === 'json') {
      const { AuditLogExportSchema } = await onFirstCall(options.signal);
      return this.#transport.json(spec, AuditLogExportSchema);
    }
    const file = await this.exportFile(query, {
      format: 'csv',
      signal: options.signal,
      onProgress: options.onProgress,
    });
    return {
      format: 'csv',
      blob: file.blob!,
      count: file.count,
      generatedAt: file.generatedAt,
      fileName: file.fileName,
      exportId: file.exportId,
    };
  }

  /**
   * Exports the matching events as a file, the bytes exactly as the server sent them: streamed
   * into `destination` when given (no size limit, flat memory), else kept as a Blob of at most
   * `maxBlobBytes` (past it, an `ExportTooLargeError`). CSV by default; JSON has the server's
   * 100,000-row limit.
   */
  async exportFile(
    query: AuditLogQueryInput = {},
    options: ExportFileOptions = {},
  ): Promise<ExportFile> {
    const filter = await validateQuery(query);
    const format = options.format ?? 'csv';
    const { destination } = options;
    const writer = destination?.getWriter();
    try {
      const { saveDownload } = await onFirstCall(options.signal);
      const response = await this.#transport.stream(
        this.#spec({
          ...route(ROUTES.exportEvents),
          searchParams: toSearchParams({ ...filter, format, columns: options.columns }),
          signal: options.signal,
          what: 'exporting events',
        }),
      );
      return await saveDownload(response, writer, {
        format,
        maxBlobBytes: options.maxBlobBytes,
        idleTimeoutMs: this.#timeoutMs,
        signal: options.signal,
        onProgress: options.onProgress,
        tenantId: this.tenantId,
      });
    } catch (error) {
      await writer?.abort(error).catch(() => {});
      throw error;
    }
  }

  // Tamper evidence (see verification/): the signed log's head, its keys, and proofs.

  /** The tenant's log as it stands, signed by the server (check it with `AuditLogVerifier`). */
  async getTreeHead(options: RequestOptions = {}): Promise<TreeHead> {
    const { TreeHeadSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.treeHead, TreeHeadSchema, {
      signal: options.signal,
      what: 'loading the tree head',
    });
  }

  /** Every key the server signs with (a JWKS); needs no credentials. */
  async getPublicKeys(options: RequestOptions = {}): Promise<Jwks> {
    const { JwksSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.publicKeys, JwksSchema, {
      signal: options.signal,
      authenticated: false,
      what: 'loading the signing keys',
    });
  }

  /** Inclusion proofs for up to 1000 events at one tree size, in one request. */
  async getInclusionProofs(
    ids: readonly string[],
    treeSize: number,
    options: RequestOptions = {},
  ): Promise<ProofsResponse> {
    const { ProofsRequestSchema, ProofsResponseSchema, validateInput } = await onFirstCall(
      options.signal,
    );
    const body = validateInput(
      ProofsRequestSchema,
      { ids: [...ids], tree_size: treeSize },
      'proofs',
    );
    return this.#call(ROUTES.proofs, ProofsResponseSchema, {
      json: body,
      signal: options.signal,
      // Reads nothing into the log: as safe to repeat as a GET.
      retryMode: 'safe',
      what: 'loading inclusion proofs',
    });
  }

  /** Proof that the log at size `first` is a prefix of the log at size `second`. */
  async getConsistencyProof(
    first: number,
    second: number,
    options: RequestOptions = {},
  ): Promise<ConsistencyProof> {
    const { ConsistencyProofSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.consistency, ConsistencyProofSchema, {
      searchParams: new URLSearchParams({ first: String(first), second: String(second) }),
      signal: options.signal,
      what: 'loading a consistency proof',
    });
  }

  /**
   * The stored events at places `start`..`end - 1` of the log (at most 1000), by sequence; a
   * place whose row was deleted is absent.
   */
  async getLogEntries(
    start: number,
    end: number,
    options: RequestOptions = {},
  ): Promise<LogEntries> {
    const { LogEntriesSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.logEntries, LogEntriesSchema, {
      searchParams: new URLSearchParams({ start: String(start), end: String(end) }),
      signal: options.signal,
      what: 'loading log entries',
    });
  }

  /** The signed manifest of a finished export (`exportId` from the export). */
  async getExportManifest(exportId: string, options: RequestOptions = {}): Promise<ExportManifest> {
    const { ExportManifestSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.exportManifest, ExportManifestSchema, {
      id: { id: exportId, what: 'export' },
      signal: options.signal,
      what: 'loading an export manifest',
    });
  }

  /** The API's health; needs no credentials. */
  async health(options: RequestOptions = {}): Promise<Health> {
    const { HealthSchema } = await onFirstCall(options.signal);
    return this.#call(ROUTES.health, HealthSchema, {
      signal: options.signal,
      authenticated: false,
      what: 'checking health',
    });
  }
}
