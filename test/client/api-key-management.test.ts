import { describe, expect, it } from 'vitest';
import { AuditLogClient, AuthenticationError, NotFoundError } from '../../src/client/index.js';
import { createAuditLogTestServer } from '../../src/server/index.js';

describe('managing API keys through the client', () => {
  it('lists keys by prefix and revokes one, which then stops working', async () => {
    const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 5 } });
    const admin = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
    await admin.login({ username: 'admin', password: 'audit-demo', tenant_id: 'acme' });
    const made = await admin.createApiKey({ name: 'reports', permissions: ['read'] });
    expect(made.key).toBeDefined();

    const listed = await admin.listApiKeys();
    const mine = listed.find((key) => key.id === made.id);
    expect(mine).toMatchObject({
      key_prefix: made.key_prefix,
      is_active: true,
      user_id: made.user_id,
    });
    expect(mine).not.toHaveProperty('key');
    expect(JSON.stringify(listed)).not.toContain(made.key!);

    const byKey = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      apiKey: made.key!,
      tenantId: 'acme',
    });
    await byKey.queryEvents({}, { size: 1 });
    const revoked = await admin.revokeApiKey(made.id);
    expect(revoked).toMatchObject({ id: made.id, is_active: false });
    await expect(byKey.queryEvents({}, { size: 1 })).rejects.toBeInstanceOf(AuthenticationError);
    await expect(admin.revokeApiKey('no-such-key')).rejects.toBeInstanceOf(NotFoundError);
  });
});
