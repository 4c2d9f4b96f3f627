import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLogClient, RedirectError } from '../../src/client/index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback server that records what reaches it and answers with `answer`. */
async function recordingServer(
  answer: (seen: Seen) => { status: number; headers?: Record<string, string>; body?: string },
) {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      };
      seen.push(entry);
      const { status, headers = {}, body: out = '' } = answer(entry);
      response.writeHead(status, headers).end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The other origin would accept anything, so a followed redirect would succeed quietly.
let elsewhere: Awaited<ReturnType<typeof recordingServer>>;
let api: Awaited<ReturnType<typeof recordingServer>>;
beforeAll(async () => {
  elsewhere = await recordingServer(() => ({
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  }));
  // Port differs, so this is another origin even on the same host.
  api = await recordingServer((seen) => ({
    status: seen.method === 'GET' ? 302 : 307,
    headers: { Location: `${elsewhere.url}${seen.url}` },
  }));
});
beforeEach(() => {
  api.seen.length = 0;
  elsewhere.seen.length = 0;
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});

const SECRET_KEY = 'alk_redirect-test-key-0123456789';

describe('credentialed requests never follow a redirect', () => {
  it('refuses to carry an API key to the address a redirect names', async () => {
    const client = new AuditLogClient({
      baseUrl: api.url,
      apiKey: SECRET_KEY,
      tenantId: 'acme',
      maxRetries: 2,
    });
    const read = await client.queryEvents().catch((e: unknown) => e);
    const write = await client
      .createEvent({
        event_type: 'user_action',
        resource_type: 'form',
        action: 'save',
        severity: 'info',
        description: 'Redirected write',
      })
      .catch((e: unknown) => e);
    expect(elsewhere.seen).toEqual([]);
    expect(read).toBeInstanceOf(RedirectError);
    expect(read).toMatchObject({ code: 'redirect', status: 302 });
    expect((read as Error).message).toContain(`redirect to ${elsewhere.url}`);
    expect((read as Error).message).toContain('baseUrl');
    expect(write).toBeInstanceOf(RedirectError);
    // Refused at once: a redirect is not a blip that a retry could cure.
    expect(api.seen.map((s) => s.method)).toEqual(['GET', 'POST']);
  });

  it("refuses to resend a login's password to the address a 307 names", async () => {
    const client = new AuditLogClient({ baseUrl: api.url });
    const error = await client
      .login({ username: 'writer', password: 'a-password-to-keep', tenant_id: 'acme' })
      .catch((e: unknown) => e);
    expect(elsewhere.seen).toEqual([]);
    expect(error).toBeInstanceOf(RedirectError);
  });
});
