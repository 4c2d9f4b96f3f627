import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../support/demo-server.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer(['--port', '0', '--seed', '--events-per-tenant', '0']);
});
afterAll(() => server.stop());

const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;

describe('a body over the limit, sent chunked on a keep-alive connection', () => {
  it('is answered 413 in full, then the connection closes cleanly and the next request works', async () => {
    const url = new URL(server.url);
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (received += data));
    const ended = new Promise<'end' | 'error'>((resolve) => {
      socket.once('end', () => resolve('end'));
      socket.once('error', () => resolve('error'));
    });
    socket.write(
      'POST /api/v1/audit/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'X-API-Key: nothing\r\nX-Tenant-ID: acme\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n',
    );
    // More than the 4 MiB limit in the first chunk; the rest follows later, as from a slow link.
    socket.write(chunk(`{"description":"${'x'.repeat(4.5 * 1024 * 1024)}`));
    await expect.poll(() => received.includes('\r\n\r\n{'), { timeout: 10_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 800));
    if (!socket.destroyed) socket.write(chunk('"}') + '0\r\n\r\n', () => {});

    // The server said it would close, and did so with a FIN after the whole answer: a client
    // knows not to send its next request on this connection.
    expect(await ended).toBe('end');
    const [head = '', body = ''] = received.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(body)).toMatchObject({ error: 'payload_too_large' });
    socket.destroy();

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  });
});
