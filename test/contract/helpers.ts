import { afterAll, beforeAll, expect } from 'vitest';
import type {
  APIKeyResponse,
  ApiKeyPermission,
  AuditLogEvent,
  AuditLogEventCreate,
  ErrorBody,
  PaginatedAuditLogs,
  TokenResponse,
  UserRole,
} from '../../src/contract/schemas/index.js';
import type { AuditLogAppOptions } from '../../src/server/app-options.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import type { UserRecord } from '../../src/server/store/types.js';
import { startHttpServer, type RunningServer, type StoreKind } from '../support/http-server.js';

/** The password of every user these tests create; an error body must never contain it. */
export const PASSWORD = 'Contract-Pass-7311-xyzzy';

type QueryValue = string | number | readonly (string | number)[];
export type Query = Record<string, QueryValue | undefined>;

/** How a request authenticates: a bearer token, or an API key with its tenant. */
export interface Credentials {
  token?: string;
  apiKey?: string;
  tenant?: string;
}

export interface RequestOptions extends Credentials {
  method?: string;
  query?: Query;
  /** Sent as a JSON body with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (for malformed or streamed bodies). */
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface Session {
  tenant: string;
  user: UserRecord;
  tokens: TokenResponse;
  /** Spread into request options to call as this user. */
  auth: Credentials;
}

/**
 * One running reference server over real HTTP, plus a record of every error answer seen
 * through it and every secret used with it, so a suite can prove no error leaks a secret.
 */
export class ContractApi {
  #server: RunningServer | undefined;
  #sequence = 0;
  readonly secrets = new Set<string>([PASSWORD]);
  /** Every error answer seen through this server, to check shapes and leaks at the end. */
  readonly errorAnswers: { status: number; contentType: string; text: string }[] = [];

  attach(server: RunningServer): void {
    this.#server = server;
  }

  get started(): boolean {
    return this.#server !== undefined;
  }

  get server(): RunningServer {
    if (!this.#server) throw new Error('The contract server has not started');
    return this.#server;
  }

  get store() {
    return this.server.store;
  }

  /** A fresh name (tenant, username, idempotency key) so tests never share state by accident. */
  unique(prefix: string): string {
    this.#sequence += 1;
    return `${prefix}-${this.#sequence}-${Math.random().toString(36).slice(2, 8)}`;
  }

  url(path: string, query?: Query): string {
    const url = new URL(path, this.server.baseUrl);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      const values: readonly (string | number)[] = Array.isArray(value) ? value : [value];
      for (const item of values) url.searchParams.append(name, String(item));
    }
    return url.toString();
  }

  async request<T = ErrorBody>(path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const headers = new Headers(options.headers);
    if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
    if (options.apiKey !== undefined) headers.set('X-API-Key', options.apiKey);
    if (options.tenant !== undefined) headers.set('X-Tenant-ID', options.tenant);
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
    const init: RequestInit & { duplex?: 'half' } = {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
    };
    if (body !== undefined) init.body = body;
    if (body instanceof ReadableStream) init.duplex = 'half';
    const response = await fetch(this.url(path, options.query), init);
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
    const parsed: unknown = isJson && text !== '' ? JSON.parse(text) : undefined;
    if (response.status >= 400) {
      const contentType = response.headers.get('content-type') ?? '';
      this.errorAnswers.push({ status: response.status, contentType, text });
    }
    return { status: response.status, headers: response.headers, text, body: parsed as T };
  }

  /** Puts a user straight into the store (the API has no sign-up), active unless told. */
  async addUser(
    tenant: string,
    roles: UserRole[],
    options: { username?: string; password?: string; isActive?: boolean } = {},
  ): Promise<UserRecord> {
    const password = options.password ?? PASSWORD;
    this.secrets.add(password);
    const username = options.username ?? this.unique('user');
    const user: UserRecord = {
      id: crypto.randomUUID(),
      tenant_id: tenant,
      username,
      email: `${username}@example.com`,
      full_name: `Test ${username}`,
      roles,
      is_active: options.isActive ?? true,
      password_hash: await hashPassword(password, 1000),
      created_at: new Date().toISOString(),
      updated_at: null,
      last_login_at: null,
    };
    await this.store.insertUser(user);
    return user;
  }

  async login(tenant: string, username: string, password = PASSWORD): Promise<TokenResponse> {
    const answer = await this.request<TokenResponse>('/api/v1/auth/login', {
      json: { username, password, tenant_id: tenant },
    });
    expect(answer.status, answer.text).toBe(200);
    this.remember(answer.body);
    return answer.body;
  }

  /** Tokens a test receives are secrets too. */
  remember(tokens: TokenResponse): void {
    this.secrets.add(tokens.access_token);
    this.secrets.add(tokens.refresh_token);
  }

  /** A signed-in user with these roles, in a fresh tenant unless one is named. */
  async session(roles: UserRole[], tenant = this.unique('tenant')): Promise<Session> {
    const user = await this.addUser(tenant, roles);
    const tokens = await this.login(tenant, user.username);
    return { tenant, user, tokens, auth: { token: tokens.access_token } };
  }

  /** Creates an API key through the API as `creator` and answers its credentials. */
  async apiKey(creator: Session, permissions: ApiKeyPermission[]): Promise<Credentials> {
    const answer = await this.request<APIKeyResponse>('/api/v1/auth/api-keys', {
      ...creator.auth,
      json: { name: this.unique('key'), permissions },
    });
    expect(answer.status, answer.text).toBe(201);
    const key = answer.body.key;
    if (key === undefined) throw new Error('The creation answer carries no key');
    this.secrets.add(key);
    return { apiKey: key, tenant: creator.tenant };
  }

  async postEvent(auth: Credentials, event: AuditLogEventCreate): Promise<AuditLogEvent> {
    const answer = await this.request<AuditLogEvent>('/api/v1/audit/events', {
      ...auth,
      json: event,
    });
    expect(answer.status, answer.text).toBe(201);
    return answer.body;
  }

  async postBatch(auth: Credentials, events: AuditLogEventCreate[]): Promise<AuditLogEvent[]> {
    const answer = await this.request<AuditLogEvent[]>('/api/v1/audit/events/batch', {
      ...auth,
      json: { audit_logs: events },
    });
    expect(answer.status, answer.text).toBe(201);
    return answer.body;
  }

  /** One page of events (size up to 1000) as `auth` sees them. */
  async list(auth: Credentials, query: Query = {}): Promise<PaginatedAuditLogs> {
    const answer = await this.request<PaginatedAuditLogs>('/api/v1/audit/events', {
      ...auth,
      query: { size: 1000, ...query },
    });
    expect(answer.status, answer.text).toBe(200);
    return answer.body;
  }
}

/** Starts one reference server for the enclosing `describe` and stops it afterwards. */
export function useContractServer(
  kind: StoreKind,
  options: Partial<AuditLogAppOptions> = {},
): ContractApi {
  const api = new ContractApi();
  beforeAll(async () => {
    api.attach(await startHttpServer(kind, options));
  });
  afterAll(async () => {
    if (api.started) await api.server.close();
  });
  return api;
}

/** A valid event; every test names what it cares about. */
export function makeEvent(overrides: Partial<AuditLogEventCreate> = {}): AuditLogEventCreate {
  return {
    event_type: 'user_action',
    resource_type: 'document',
    action: 'view',
    severity: 'info',
    description: 'Viewed a document',
    ...overrides,
  };
}

/** A complete stored event, for filling a store directly where the API would be too slow. */
export function storedEvent(tenant: string, overrides: Partial<AuditLogEvent> = {}): AuditLogEvent {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    tenant_id: tenant,
    event_type: 'system_event',
    resource_type: 'bulk',
    action: 'import',
    severity: 'debug',
    description: 'Bulk row',
    resource_id: null,
    metadata: null,
    ip_address: null,
    user_agent: null,
    session_id: null,
    correlation_id: null,
    user_id: null,
    timestamp: now,
    created_at: now,
    ...overrides,
  };
}

const ERROR_KEYS = ['error', 'message', 'details', 'retry_after'];

/** The contract's error answer: this status and code, in the `{error, message, details?}` shape. */
export function expectError(answer: Answer<unknown>, status: number, code: string): ErrorBody {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type') ?? '').toContain('application/json');
  const body = answer.body as ErrorBody;
  expect(body).toMatchObject({ error: code, message: expect.any(String) });
  expect(body.message.length).toBeGreaterThan(0);
  for (const key of Object.keys(body)) expect(ERROR_KEYS).toContain(key);
  if (body.details !== undefined) {
    expect(typeof body.details).toBe('object');
    for (const value of Object.values(body.details)) expect(typeof value).toBe('string');
  }
  return body;
}

/** A 400 `validation_error` whose `details` name `field` (or one of its items, `field.0`). */
export function expectValidationError(answer: Answer<unknown>, field: string): ErrorBody {
  const body = expectError(answer, 400, 'validation_error');
  const paths = Object.keys(body.details ?? {});
  expect(
    paths.some((path) => path === field || path.startsWith(`${field}.`)),
    `details ${JSON.stringify(body.details)} should name ${field}`,
  ).toBe(true);
  return body;
}

/** The contract's error code for each status. */
export function errorCodeFor(status: number): string {
  if (status === 400 || status === 422) return 'validation_error';
  if (status >= 500) return 'server_error';
  const codes: Record<number, string> = {
    401: 'authentication_error',
    403: 'authorization_error',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    429: 'rate_limit_exceeded',
  };
  return codes[status] ?? `(no code for ${status})`;
}

/** Every error answer seen through `api` is JSON `{error, message, details?}` with its status's code. */
export function expectContractErrorShapes(api: ContractApi): void {
  expect(api.errorAnswers.length).toBeGreaterThan(0);
  for (const { status, contentType, text } of api.errorAnswers) {
    expect(contentType, text).toContain('application/json');
    const body = JSON.parse(text) as ErrorBody;
    expect(body, text).toMatchObject({ error: errorCodeFor(status), message: expect.any(String) });
    for (const key of Object.keys(body)) expect(ERROR_KEYS).toContain(key);
  }
}

/** No error answer seen through `api` contains a password, token or API key it used. */
export function expectNoSecretsInErrors(api: ContractApi): void {
  expect(api.errorAnswers.length).toBeGreaterThan(0);
  const leaks = api.errorAnswers.flatMap(({ text }) =>
    [...api.secrets]
      .filter((secret) => text.includes(secret))
      .map((secret) => `${secret.slice(0, 4)}… in ${text.slice(0, 120)}`),
  );
  expect(leaks).toEqual([]);
}

/** Records with zero counts dropped, so "absent" and "0" compare alike. */
export function nonZero(counts: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).filter((entry): entry is [string, number] => (entry[1] ?? 0) !== 0),
  );
}

/** A strict RFC 4180 reader (CRLF or LF rows), independent of the server's CSV writer. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new Error(`CSV: text after a closing quote at ${i}`);
        }
      } else {
        cell += ch;
        i += 1;
      }
      continue;
    }
    if (ch === '"') {
      if (cell !== '') throw new Error(`CSV: quote inside an unquoted cell at ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' ? 2 : 1;
    } else if (ch === '\r') {
      throw new Error(`CSV: bare carriage return outside quotes at ${i}`);
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted cell');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = parseCsv(text);
  return {
    header,
    records: rows.map((row) => {
      expect(row).toHaveLength(header.length);
      return Object.fromEntries(header.map((name, index) => [name, row[index] ?? '']));
    }),
  };
}

export const sortedIds = (events: readonly { id: string }[]) => events.map((e) => e.id).sort();
