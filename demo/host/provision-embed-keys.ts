import { AuditLogClient } from '../../src/client/index.js';
import { DEMO_PASSWORD } from '../../src/server/seed.js';

/**
 * What a host's operator does once per customer, before any page embeds the viewer: a tenant
 * admin creates an API key with the `embed` permission (plus the rights viewers may get,
 * as a viewer session never exceeds its key) and hands it to the host's backend config.
 * The demo does it at start, server-side, as the seeded `admin` of each tenant.
 */
export async function provisionEmbedKeys(
  auditBaseUrl: string,
  tenants: readonly string[],
): Promise<Record<string, string>> {
  const keys: Record<string, string> = {};
  for (const tenant of tenants) {
    const admin = new AuditLogClient({ baseUrl: auditBaseUrl });
    await admin.login({ username: 'admin', password: DEMO_PASSWORD, tenant_id: tenant });
    const created = await admin.createApiKey({
      name: 'Host admin panel (embed)',
      permissions: ['read', 'export', 'embed'],
      expires_at: null,
    });
    keys[tenant] = created.key!;
    await admin.logout();
  }
  return keys;
}
