// Every caller that is not a system admin × every tenant-scoped endpoint, aimed at another
// tenant: refused, nothing of that tenant in the answer, nothing of it changed.
import type { AuditLogEvent, UserRole } from '../../src/client/index.js';
import type { UserRecord } from '../../src/server/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  makeEvent,
  useContractServer,
  type Credentials,
  type RequestOptions,
  type Session,
} from './helpers.js';
import { STORE_KINDS } from '../support/http-server.js';

const ROLES: UserRole[] = ['tenant_admin', 'audit_manager', 'audit_viewer', 'api_user'];
const KEY_PERMISSIONS = ['read', 'write', 'export'] as const;

interface Target {
  betaEvent: AuditLogEvent;
  betaUser: UserRecord;
}

/** Each endpoint that touches tenant data, as a request against the other tenant. */
const ENDPOINTS: [string, (target: Target) => RequestOptions & { path: string }][] = [
  ['list events', () => ({ path: '/api/v1/audit/events' })],
  ['get an event', (t) => ({ path: `/api/v1/audit/events/${t.betaEvent.id}` })],
  ['read the summary', () => ({ path: '/api/v1/audit/summary' })],
  ['export JSON', () => ({ path: '/api/v1/audit/events/export', query: { format: 'json' } })],
  ['export CSV', () => ({ path: '/api/v1/audit/events/export', query: { format: 'csv' } })],
  ['write an event', () => ({ path: '/api/v1/audit/events', json: makeEvent() })],
  [
    'write a batch',
    () => ({ path: '/api/v1/audit/events/batch', json: { audit_logs: [makeEvent()] } }),
  ],
  ['read a user', (t) => ({ path: `/api/v1/auth/users/${t.betaUser.id}` })],
  [
    'update a user',
    (t) => ({
      path: `/api/v1/auth/users/${t.betaUser.id}`,
      method: 'PUT',
      json: { full_name: 'Taken over' },
    }),
  ],
  ['deactivate a user', (t) => ({ path: `/api/v1/auth/users/${t.betaUser.id}`, method: 'DELETE' })],
  [
    'create a user',
    () => ({
      path: '/api/v1/auth/users',
      json: {
        username: 'intruder',
        email: 'intruder@example.com',
        password: 'Intruder-Pass-1234',
        roles: ['tenant_admin'],
      },
    }),
  ],
  [
    'create an API key',
    () => ({ path: '/api/v1/auth/api-keys', json: { name: 'stolen', permissions: ['read'] } }),
  ],
];

describe.each(STORE_KINDS)(
  'cross-tenant matrix: every endpoint × every role and API key (%s store)',
  (kind) => {
    const api = useContractServer(kind);
    /** Who calls, and how it aims at the other tenant: by X-Tenant-ID, or by an id of its. */
    const callers: { who: string; auth: () => Credentials; aim: 'header' | 'id' }[] = [];
    let beta: Session;
    let target: Target;
    let betaSnapshot: string;

    /** What an attack could change or reveal in the other tenant, as one comparable text. */
    async function snapshotBeta(): Promise<string> {
      const events = await api.list(beta.auth, { size: 1000 });
      const user = await api.request<UserRecord>(
        `/api/v1/auth/users/${target.betaUser.id}`,
        beta.auth,
      );
      const intruder = await api.store.findUserByUsername(beta.tenant, 'intruder');
      return JSON.stringify({ events: events.items, user: user.body, intruder });
    }

    beforeAll(async () => {
      beta = await api.session(['tenant_admin']);
      const [betaEvent] = await api.postBatch(beta.auth, [
        makeEvent({ description: 'beta secret plans', resource_type: 'beta_doc' }),
      ]);
      const betaUser = await api.addUser(beta.tenant, ['audit_viewer']);
      target = { betaEvent: betaEvent!, betaUser };
      const alphaTenant = api.unique('alpha');
      for (const role of ROLES) {
        const { auth } = await api.session([role], alphaTenant);
        callers.push({ who: role, auth: () => ({ ...auth, tenant: beta.tenant }), aim: 'header' });
        callers.push({ who: role, auth: () => auth, aim: 'id' });
      }
      const admin = await api.session(['tenant_admin'], alphaTenant);
      for (const permission of KEY_PERMISSIONS) {
        const key = await api.apiKey(admin, [permission]);
        const who = `API key (${permission})`;
        callers.push({ who, auth: () => ({ ...key, tenant: beta.tenant }), aim: 'header' });
        callers.push({ who, auth: () => key, aim: 'id' });
      }
      betaSnapshot = await snapshotBeta();
    });

    it('refuses each of them, reveals nothing and changes nothing of the other tenant', async () => {
      const outcomes: string[] = [];
      let checked = 0;
      for (const { who, auth, aim } of callers) {
        for (const [what, request] of ENDPOINTS) {
          const { path, ...options } = request(target);
          // Without X-Tenant-ID a caller acts in its own tenant; only an id can aim elsewhere.
          const takesId = path.includes(target.betaEvent.id) || path.includes(target.betaUser.id);
          if (aim === 'id' && !takesId) continue;
          const answer = await api.request(path, { ...options, ...auth() });
          checked += 1;
          const leaked = [target.betaEvent.id, 'beta secret plans', target.betaUser.username].some(
            (secret) => answer.text.includes(secret),
          );
          if (leaked || answer.status < 400) {
            outcomes.push(
              `${who} by ${aim} could ${what}: ${answer.status} ${answer.text.slice(0, 100)}`,
            );
          }
        }
      }
      expect(outcomes).toEqual([]);
      // 7 callers × (12 endpoints by X-Tenant-ID + 4 by id).
      expect(checked).toBe(7 * 12 + 7 * 4);
      expect(await snapshotBeta()).toBe(betaSnapshot);
    });

    it('answers every refusal in the error shape, with no secret in it', () => {
      expectContractErrorShapes(api);
      expectNoSecretsInErrors(api);
    });
  },
);
