// Longer than 300 lines because most of it is data: the demo tenants, users and the word
// lists realistic events are drawn from.
import type { AuditLogEvent, EventType, Severity, UserRole } from '../contract/schemas/index.js';
import { hashApiKey } from './auth/api-keys.js';
import { newId } from './auth/crypto-utils.js';
import { hashPassword } from './auth/passwords.js';
import type { AuditStore, UserRecord } from './store/types.js';

export const DEMO_TENANTS = ['acme', 'globex', 'initech'] as const;
export const DEMO_PASSWORD = 'audit-demo';
/** Users in every demo tenant; `root` exists in `acme` only. */
export const DEMO_USERS: readonly {
  username: string;
  role: UserRole;
  tenants: readonly string[];
}[] = [
  { username: 'root', role: 'system_admin', tenants: ['acme'] },
  { username: 'admin', role: 'tenant_admin', tenants: DEMO_TENANTS },
  { username: 'manager', role: 'audit_manager', tenants: DEMO_TENANTS },
  { username: 'viewer', role: 'audit_viewer', tenants: DEMO_TENANTS },
  { username: 'writer', role: 'api_user', tenants: DEMO_TENANTS },
];

/**
 * The demo tenants' API keys. Fixed, like the demo password, so examples and scripts work
 * against any demo server; never seed these into a store that holds real data.
 */
export const DEMO_API_KEYS: Readonly<Record<(typeof DEMO_TENANTS)[number], string>> = {
  acme: 'alk_demo_acme_key',
  globex: 'alk_demo_globex_key',
  initech: 'alk_demo_initech_key',
};

export interface SeedOptions {
  /** Events per tenant, spread over the last 30 days. Default 50,000. */
  eventsPerTenant?: number;
  /** Fixes the generated content; the same seed gives the same events. Default 1. */
  seed?: number;
  /** "Now" for the 30-day window, epoch ms. Default the current time. */
  now?: number;
  /** PBKDF2 iterations for the demo passwords. */
  passwordIterations?: number;
}

export interface SeedResult {
  /** False when the store already held users and was left alone. */
  seeded: boolean;
  users: { tenant: string; username: string; role: UserRole }[];
  /** One API key per tenant (read, write, export): `DEMO_API_KEYS`. */
  apiKeys: Record<string, string>;
  eventsPerTenant: number;
}

/** mulberry32: tiny, fast and good enough to make demo data repeatable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return table[table.length - 1]![0];
}

const FIRST_NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'victor',
  'walter',
  'yuki',
];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0',
  'audit-log-sdk/0.1 (node 20)',
  'curl/8.5.0',
  'billing-service/2.14.1',
];
const RESOURCES = [
  'invoice',
  'customer',
  'project',
  'document',
  'report',
  'user',
  'api_key',
  'role',
  'subscription',
  'payment',
];

interface Template {
  event_type: EventType;
  action: string;
  resource_type: string | null;
  severity: readonly (readonly [Severity, number])[];
  describe: (actor: string, resource: string, id: string) => string;
}

const NORMAL: readonly (readonly [Severity, number])[] = [
  ['info', 80],
  ['debug', 15],
  ['warning', 5],
];
const TEMPLATES: readonly (readonly [Template, number])[] = [
  [
    {
      event_type: 'authentication',
      action: 'login',
      resource_type: 'session',
      severity: [
        ['info', 90],
        ['warning', 10],
      ],
      describe: (a) => `${a} signed in`,
    },
    10,
  ],
  [
    {
      event_type: 'authentication',
      action: 'login_failed',
      resource_type: 'session',
      severity: [
        ['warning', 85],
        ['error', 12],
        ['critical', 3],
      ],
      describe: (a) => `Failed sign-in attempt for ${a}: wrong password`,
    },
    3,
  ],
  [
    {
      event_type: 'authentication',
      action: 'logout',
      resource_type: 'session',
      severity: NORMAL,
      describe: (a) => `${a} signed out`,
    },
    5,
  ],
  [
    {
      event_type: 'authorization',
      action: 'access_denied',
      resource_type: null,
      severity: [
        ['warning', 80],
        ['error', 20],
      ],
      describe: (a, r, id) => `${a} was denied access to ${r} ${id}`,
    },
    3,
  ],
  [
    {
      event_type: 'authorization',
      action: 'role_granted',
      resource_type: 'role',
      severity: [
        ['info', 70],
        ['warning', 30],
      ],
      describe: (a, _r, id) => `${a} granted role ${id}`,
    },
    1,
  ],
  [
    {
      event_type: 'data_access',
      action: 'read',
      resource_type: null,
      severity: NORMAL,
      describe: (a, r, id) => `${a} viewed ${r} ${id}`,
    },
    25,
  ],
  [
    {
      event_type: 'data_access',
      action: 'export',
      resource_type: null,
      severity: [
        ['info', 70],
        ['warning', 30],
      ],
      describe: (a, r) => `${a} exported ${r} records`,
    },
    3,
  ],
  [
    {
      event_type: 'data_modification',
      action: 'update',
      resource_type: null,
      severity: NORMAL,
      describe: (a, r, id) => `${a} updated ${r} ${id}`,
    },
    14,
  ],
  [
    {
      event_type: 'data_modification',
      action: 'create',
      resource_type: null,
      severity: NORMAL,
      describe: (a, r, id) => `${a} created ${r} ${id}`,
    },
    8,
  ],
  [
    {
      event_type: 'data_modification',
      action: 'delete',
      resource_type: null,
      severity: [
        ['warning', 60],
        ['info', 40],
      ],
      describe: (a, r, id) => `${a} deleted ${r} ${id}`,
    },
    3,
  ],
  [
    {
      event_type: 'system_event',
      action: 'backup_completed',
      resource_type: 'database',
      severity: [
        ['info', 95],
        ['debug', 5],
      ],
      describe: () => 'Nightly backup completed',
    },
    2,
  ],
  [
    {
      event_type: 'system_event',
      action: 'config_changed',
      resource_type: 'settings',
      severity: [
        ['warning', 60],
        ['info', 40],
      ],
      describe: (a) => `${a} changed tenant settings`,
    },
    1,
  ],
  [
    {
      event_type: 'user_action',
      action: 'search',
      resource_type: null,
      severity: [
        ['debug', 40],
        ['info', 60],
      ],
      describe: (a, r) => `${a} searched ${r}s`,
    },
    8,
  ],
  [
    {
      event_type: 'user_action',
      action: 'share',
      resource_type: 'document',
      severity: NORMAL,
      describe: (a, _r, id) => `${a} shared document ${id}`,
    },
    3,
  ],
  [
    {
      event_type: 'api_call',
      action: 'request',
      resource_type: null,
      severity: [
        ['debug', 55],
        ['info', 40],
        ['warning', 5],
      ],
      describe: (_a, r) => `GET /api/${r}s answered 200`,
    },
    14,
  ],
  [
    {
      event_type: 'error',
      action: 'exception',
      resource_type: null,
      severity: [
        ['error', 80],
        ['critical', 20],
      ],
      describe: (_a, r) => `Unhandled exception while processing ${r}: timeout talking to upstream`,
    },
    2,
  ],
];
/** Request chains: events that share a correlation id and session, seconds apart. */
const CHAINS: readonly (readonly string[])[] = [
  ['login', 'read', 'update'],
  ['login', 'search', 'read', 'export'],
  ['request', 'read', 'create'],
  ['login', 'access_denied'],
  ['request', 'exception'],
];

/** Generated first in every tenant, so even a tiny seed shows every event type and severity. */
const COVERAGE: readonly (readonly [string, Severity])[] = [
  ['exception', 'critical'],
  ['login_failed', 'error'],
  ['access_denied', 'warning'],
  ['login', 'info'],
  ['request', 'debug'],
  ['backup_completed', 'info'],
  ['read', 'info'],
  ['update', 'info'],
  ['search', 'debug'],
];

/** Share of a day's traffic per UTC hour: quiet nights, a working-day peak. */
const HOURLY = Array.from({ length: 24 }, (_, h) =>
  h >= 8 && h <= 18 ? 10 : h >= 6 && h <= 21 ? 4 : 1,
);

function sampleTimestamp(random: Random, now: number): number {
  for (;;) {
    const at = now - random() * 30 * 86_400_000;
    const date = new Date(at);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const weight = HOURLY[date.getUTCHours()]! * (weekend ? 0.35 : 1);
    if (random() * 10 < weight) return Math.floor(at);
  }
}

function generateEvents(
  tenant: string,
  count: number,
  random: Random,
  now: number,
): AuditLogEvent[] {
  const templates = new Map<string, Template>();
  for (const [template] of TEMPLATES) templates.set(template.action, template);
  const people = FIRST_NAMES.map((name, i) => ({
    user: `${name}@${tenant}.example`,
    ip: `10.${(i * 37) % 250}.${(i * 11) % 250}.${10 + i}`,
    agent: pick(random, USER_AGENTS),
  }));
  const events: AuditLogEvent[] = [];
  while (events.length < count) {
    const person = pick(random, people);
    const start = sampleTimestamp(random, now);
    const covering = COVERAGE[events.length];
    const chained = !covering && random() < 0.3;
    const steps = covering
      ? [templates.get(covering[0])!]
      : chained
        ? pick(random, CHAINS).map((action) => templates.get(action)!)
        : [weighted(random, TEMPLATES)];
    const correlationId =
      chained || random() < 0.5
        ? `req-${Math.floor(random() * 2 ** 32)
            .toString(16)
            .padStart(8, '0')}`
        : null;
    const sessionId = `sess-${Math.floor(random() * 1e9).toString(36)}`;
    let at = start;
    for (const template of steps) {
      if (events.length >= count) break;
      const resourceType = template.resource_type ?? pick(random, RESOURCES);
      const resourceId = `${resourceType.slice(0, 3)}-${1000 + Math.floor(random() * 9000)}`;
      const severity = covering?.[1] ?? weighted(random, template.severity);
      const timestamp = new Date(Math.min(at, now)).toISOString();
      const metadata: Record<string, unknown> = {
        source: template.event_type === 'api_call' ? 'api' : 'web',
      };
      if (template.action === 'update') {
        const before = pick(random, ['draft', 'review', 'approved']);
        metadata.before = { status: before, amount: Math.round(random() * 10_000) / 100 };
        metadata.after = {
          status: before === 'approved' ? 'archived' : 'approved',
          amount: Math.round(random() * 10_000) / 100,
        };
      } else if (template.event_type === 'api_call') {
        metadata.http = {
          method: 'GET',
          path: `/api/${resourceType}s`,
          status: 200,
          duration_ms: Math.round(random() * 400),
        };
      } else if (template.event_type === 'error') {
        metadata.error = { type: 'UpstreamTimeout', retryable: true };
      }
      events.push({
        id: newId(),
        tenant_id: tenant,
        event_type: template.event_type,
        resource_type: resourceType,
        resource_id: resourceId,
        action: template.action,
        severity,
        description: template.describe(person.user, resourceType, resourceId),
        metadata,
        ip_address: person.ip,
        user_agent: person.agent,
        session_id: template.event_type === 'system_event' ? null : sessionId,
        correlation_id: correlationId,
        user_id: template.event_type === 'system_event' ? null : person.user,
        timestamp,
        created_at: timestamp,
      });
      at += 200 + Math.floor(random() * 4000);
    }
  }
  return events;
}

/**
 * Seeds the demo tenants (`acme`, `globex`, `initech`), their users (password
 * `audit-demo`), one API key each, and realistic events: a day/night and weekday rhythm,
 * correlated request chains, every event type and severity. Leaves a store that already
 * has users alone.
 */
export async function seedDemoData(
  store: AuditStore,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const eventsPerTenant = options.eventsPerTenant ?? 50_000;
  const result: SeedResult = { seeded: false, users: [], apiKeys: {}, eventsPerTenant };
  if ((await store.countUsers()) > 0) return result;
  const now = options.now ?? Date.now();
  const random = prng(options.seed ?? 1);
  const createdAt = new Date(now - 31 * 86_400_000).toISOString();
  const records: UserRecord[] = await Promise.all(
    DEMO_USERS.flatMap(({ username, role, tenants }) =>
      tenants.map(async (tenant) => ({
        id: newId(),
        tenant_id: tenant,
        username,
        email: `${username}@${tenant}.example`,
        full_name: `${tenant[0]!.toUpperCase()}${tenant.slice(1)} ${username}`,
        roles: [role],
        is_active: true,
        password_hash: await hashPassword(DEMO_PASSWORD, options.passwordIterations),
        created_at: createdAt,
        updated_at: null,
        last_login_at: null,
      })),
    ),
  );
  for (const user of records) {
    await store.insertUser(user);
    result.users.push({ tenant: user.tenant_id, username: user.username, role: user.roles[0]! });
  }
  for (const tenant of DEMO_TENANTS) {
    const admin = records.find((u) => u.tenant_id === tenant && u.username === 'admin')!;
    const key = DEMO_API_KEYS[tenant];
    await store.insertApiKey({
      id: newId(),
      tenant_id: tenant,
      name: 'Demo key',
      permissions: ['read', 'write', 'export'],
      key_prefix: key.slice(0, 12),
      key_hash: await hashApiKey(key),
      created_by: admin.id,
      is_active: true,
      created_at: createdAt,
      expires_at: null,
      last_used_at: null,
    });
    result.apiKeys[tenant] = key;
    const events = generateEvents(tenant, eventsPerTenant, random, now);
    for (let start = 0; start < events.length; start += 1000) {
      await store.insertEvents(tenant, events.slice(start, start + 1000));
    }
  }
  result.seeded = true;
  return result;
}
