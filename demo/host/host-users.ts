import type { AuditLogQueryInput } from '../../src/client/index.js';

/**
 * The host's own accounts: people who sign in to the host's product, not to the audit
 * service. Each is an admin of one customer (an audit tenant) and sees only part of its log.
 */
export interface HostUser {
  username: string;
  /** The host's password for this account; the audit service never sees it. */
  password: string;
  displayName: string;
  email: string;
  tenantId: string;
  /** The part of the tenant's log this person may read, fixed into every viewer session. */
  scope: AuditLogQueryInput;
  /** Whether the person may also export what they see. */
  canExport: boolean;
}

export const HOST_PASSWORD = 'host-demo';

export const HOST_USERS: readonly HostUser[] = [
  {
    username: 'dana',
    password: HOST_PASSWORD,
    displayName: 'Dana Reyes',
    email: 'dana@acme.example',
    tenantId: 'acme',
    scope: { event_types: ['authentication'] },
    canExport: true,
  },
  {
    username: 'lee',
    password: HOST_PASSWORD,
    displayName: 'Lee Park',
    email: 'lee@globex.example',
    tenantId: 'globex',
    scope: { severities: ['critical', 'error'] },
    canExport: false,
  },
];
