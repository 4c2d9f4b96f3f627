// @vitest-environment jsdom
import { render, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLogClient } from '../../../src/client/index.js';
import { AuditLogViewer } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { testServer, wrapperFor } from '../../hooks/setup.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 60 } });
});

const isList = (input: RequestInfo | URL) =>
  new URL(input instanceof Request ? input.url : String(input)).pathname === '/api/v1/audit/events';

/** A body that sends one byte and then never ends. */
function endless(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{'));
    },
  });
}

// What a broken server or proxy in front of it answers for the event list.
const BROKEN: [string, () => Response][] = [
  ['a wrong shape', () => Response.json({ items: 'none', total: -1 })],
  [
    'truncated JSON',
    () => new Response('{"items":[{"id":"a"', { headers: { 'Content-Type': 'application/json' } }),
  ],
  [
    'an HTML error page',
    () =>
      new Response('<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>', {
        status: 502,
        headers: { 'Content-Type': 'text/html' },
      }),
  ],
  [
    'the wrong content type',
    () => new Response('ok', { headers: { 'Content-Type': 'text/plain' } }),
  ],
  [
    'an endless slow body',
    () => new Response(endless(), { headers: { 'Content-Type': 'application/json' } }),
  ],
];

describe('AuditLogViewer against a malformed server', () => {
  it.each(BROKEN)(
    'shows an error with a retry for %s, and recovers once the server does',
    async (_what, answer) => {
      let broken = true;
      const fetchImpl: typeof fetch = (input, init) =>
        broken && isList(input) ? Promise.resolve(answer()) : server.fetch(input, init);
      const client = new AuditLogClient({
        baseUrl: server.baseUrl,
        fetch: fetchImpl,
        maxRetries: 0,
        timeout: 1000,
      });
      await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
      const { container } = render(<AuditLogViewer hide={{ charts: true }} pageSize={20} />, {
        wrapper: wrapperFor(client),
      });

      // The table's alert: the query bar keeps an alert region of its own for query errors.
      const table = () => within(container.querySelector<HTMLElement>('[data-part="table"]')!);
      const alert = await waitFor(() => table().getByRole('alert'), { timeout: 5000 });
      expect(within(alert).getByText('Could not load events')).toBeTruthy();
      // Nothing of the answer is rendered as markup.
      expect(container.querySelector('script, h1')).toBeNull();

      broken = false;
      await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
      await waitFor(
        () =>
          expect(
            container.querySelectorAll('[data-part="body"] [role="row"]').length,
          ).toBeGreaterThan(0),
        { timeout: 5000 },
      );
      expect(table().queryByRole('alert')).toBeNull();
    },
  );
});
