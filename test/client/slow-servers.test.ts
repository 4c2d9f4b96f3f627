import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogClient, TimeoutError } from '../../src/client/index.js';

// A real HTTP server that misbehaves on purpose: no mock can show that the client's timeout
// also covers a body that never ends.
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith('/api/v1/audit/events/export')) {
      response.writeHead(200, { 'Content-Type': 'text/csv', 'X-Export-Count': '10' });
      response.write('id,timestamp\r\n'); // then nothing, forever
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('{"items":['); // a JSON body that never finishes
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('servers that never finish', () => {
  it('end a JSON read with TimeoutError once the timeout passes, not a hang', async () => {
    const client = new AuditLogClient({ baseUrl, accessToken: 't', timeout: 300, maxRetries: 0 });
    const started = performance.now();
    await expect(client.queryEvents()).rejects.toThrow(TimeoutError);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('end a stalled CSV download with TimeoutError', async () => {
    const client = new AuditLogClient({ baseUrl, accessToken: 't', timeout: 300, maxRetries: 0 });
    await expect(client.exportEvents({}, { format: 'csv' })).rejects.toThrow(/export stalled/);
  });
});
