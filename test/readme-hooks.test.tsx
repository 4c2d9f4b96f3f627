// @vitest-environment jsdom
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionEmbedKeys } from '../demo/host/provision-embed-keys.js';
import { createViewerSessionHandler } from '../src/host/index.js';
import { seedDemoData } from '../src/server/seed.js';
import { MemoryStore } from '../src/server/store/memory-store.js';
import { startHttpServer, type RunningServer } from './support/http-server.js';

// The README's React example, run as written in a DOM against the seeded API over HTTP; only
// the demo address is swapped for this server's.
// jsdom gives import.meta.url an http: scheme, so paths start from the repository root (cwd).
const readme = readFileSync(resolve('README.md'), 'utf8');
const blocks = [...readme.matchAll(/```tsx\n([\s\S]*?)```/g)].map((match) => match[1]!);
const dir = resolve('test/.readme-snippets-react');
let server: RunningServer;
// The embed example's "your backend": the README's handler, granting every caller acme.
let host: ServerType;
let hostUrl: string;

beforeAll(async () => {
  const store = new MemoryStore();
  await seedDemoData(store, { eventsPerTenant: 300, passwordIterations: 1000 });
  server = await startHttpServer('memory', { store });
  const { acme } = await provisionEmbedKeys(server.baseUrl, ['acme']);
  const handler = createViewerSessionHandler({
    baseUrl: server.baseUrl,
    apiKey: acme!,
    tenantId: 'acme',
    authorize: () => ({ subject: { id: 'readme' }, permissions: ['read', 'export'] }),
  });
  host = await new Promise((resolve) => {
    const running = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(running),
    );
  });
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => host.close(resolve));
  await server.close();
});

/** The table's rows below its header. */
const bodyRows = () =>
  within(screen.getByRole('grid'))
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');

/** Writes one README example to a module and runs it in a fresh document. */
async function runExample(index: number) {
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `example-${index}.tsx`);
  // jsdom's fetch is Node's, which needs absolute URLs: the page's own origin is the host's.
  const code = blocks[index]!.replaceAll('http://127.0.0.1:8000', server.baseUrl).replaceAll(
    "'/audit/session'",
    `'${hostUrl}/audit/session'`,
  );
  writeFileSync(file, code);
  document.body.innerHTML = '<div id="root"></div>';
  await import(/* @vite-ignore */ pathToFileURL(file).href);
}

describe('README React examples', () => {
  it('are the embedded viewer, the hooks page, the components page, two composed dashboards, the pivots page and names', () => {
    expect(blocks).toHaveLength(7);
  });

  it('viewer: shows the tenant’s events, pages and the open event in the address bar', async () => {
    await runExample(0);
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(5), {
      timeout: 5000,
    });
    await screen.findByText(/^Page 1 of \d+$/);
    const user = userEvent.setup();
    const firstRow = screen
      .getAllByRole('row')
      .find((row) => row.getAttribute('aria-rowindex') === '2')!;
    firstRow.focus();
    await user.keyboard('{Enter}');
    // The panel arrives through import() when a row is first opened.
    await screen.findByRole('complementary', { name: 'Event detail' }, { timeout: 5000 });
    expect(new URLSearchParams(window.location.search).get('event')).toBeTruthy();
  });

  it('hooks: renders the tenant’s critical and error events with a count', async () => {
    await runExample(1);
    const heading = await screen.findByRole(
      'heading',
      { name: /\d+ critical and error events/ },
      { timeout: 5000 },
    );
    expect(heading).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBe(10));
    for (const item of screen.getAllByRole('listitem'))
      expect(item.textContent).toMatch(/critical|error/);
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true);
  });

  it('components: signs in through the login form, then shows the cards and an event', async () => {
    await runExample(2);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'viewer');
    await user.type(screen.getByLabelText('Password'), 'audit-demo');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByText('Critical and errors', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('article')).toBeTruthy());
    expect(screen.getByRole('article').getAttribute('data-severity')).toBe('critical');
  });

  it('composed dashboard: filters drive the table and the address bar; views, export and live tail work', async () => {
    window.history.replaceState(null, '', '/');
    await runExample(3);
    const user = userEvent.setup();
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(5), { timeout: 5000 });

    const severities = screen.getByRole('group', { name: 'Severities' });
    await user.click(within(severities).getByRole('checkbox', { name: /^Critical/ }));
    expect(new URLSearchParams(window.location.search).getAll('severities')).toEqual(['critical']);
    // The filtered page is a new request; under load it can take longer than waitFor's 1 s.
    await waitFor(
      () => expect(bodyRows().every((row) => within(row).queryByText('Critical'))).toBe(true),
      { timeout: 5000 },
    );

    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'Critical only');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    await user.click(within(severities).getByRole('checkbox', { name: /^Critical/ }));
    expect(new URLSearchParams(window.location.search).getAll('severities')).toEqual([]);
    // Saved views go through an asynchronous storage: the button follows the save.
    await user.click(await screen.findByRole('button', { name: 'Critical only' }));
    expect(new URLSearchParams(window.location.search).getAll('severities')).toEqual(['critical']);

    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'Export' })).toHaveProperty('disabled', false),
      { timeout: 5000 },
    );
    const live = screen.getByRole('button', { name: 'Live' });
    await user.click(live);
    expect(live.getAttribute('aria-pressed')).toBe('true');
    // The recalled view asks for a new summary; the charts' data tables follow once it is in.
    for (const name of ['Event volume', 'Events by severity', 'Events by type'])
      expect(await screen.findByRole('table', { name }, { timeout: 5000 })).toBeTruthy();

    // A row opened from the keyboard is named in the address bar. (Before paging: the next
    // page's rows replace these when they arrive, and a narrow query may have none.)
    bodyRows()[0]!.focus();
    await user.keyboard('{Enter}');
    expect(new URLSearchParams(window.location.search).get('event')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(new URLSearchParams(window.location.search).get('page')).toBe('2');
  });

  it('view arrangement: one events and one summary request per filter change, shared by every part', async () => {
    window.history.replaceState(null, '', '/');
    const requests: string[] = [];
    const realFetch = globalThis.fetch;
    // Only this example's requests: the earlier examples' pages still run their own.
    globalThis.fetch = (input, init) => {
      const request = new Request(input, init);
      if (request.headers.get('x-api-key') === 'alk_demo_globex_key')
        requests.push(new URL(request.url).pathname);
      return realFetch(input, init);
    };
    try {
      await runExample(4);
      const user = userEvent.setup();
      await waitFor(() => expect(bodyRows().length).toBeGreaterThan(5), { timeout: 5000 });
      await screen.findByRole('table', { name: 'Event volume' }, { timeout: 5000 });

      requests.length = 0;
      const severities = screen.getByRole('group', { name: 'Severities' });
      await user.click(within(severities).getByRole('checkbox', { name: /^Critical/ }));
      expect(new URLSearchParams(window.location.search).getAll('severities')).toEqual([
        'critical',
      ]);
      await waitFor(
        () => expect(bodyRows().every((row) => within(row).queryByText('Critical'))).toBe(true),
        { timeout: 5000 },
      );
      const total = document.querySelector('[data-card="total"] dd')!;
      await waitFor(() => expect(total.textContent).toBe(String(bodyRows().length)), {
        timeout: 5000,
      });
      expect(requests.filter((path) => path.endsWith('/audit/events'))).toHaveLength(1);
      expect(requests.filter((path) => path.endsWith('/audit/summary'))).toHaveLength(1);

      bodyRows()[0]!.focus();
      await user.keyboard('{Enter}');
      await screen.findByRole('complementary', { name: 'Event detail' });
      expect(new URLSearchParams(window.location.search).get('event')).toBeTruthy();
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('pivots: a cell’s menu opens the resource’s history, oldest first, and Back returns', async () => {
    window.history.replaceState(null, '', '/');
    await runExample(5);
    const user = userEvent.setup();
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(5), { timeout: 5000 });
    const row = bodyRows().find((candidate) =>
      candidate.querySelector('[data-column="resource"] [data-ui="name"][data-kind="resource"]'),
    )!;
    const menu = await within(row).findByRole(
      'button',
      { name: /^Actions for Resource type: .*, Resource: / },
      { timeout: 5000 },
    );
    await user.click(menu);
    await user.click(screen.getByRole('menuitem', { name: 'History of this resource' }));
    const history = await screen.findByRole('region', { name: /^History of / }, { timeout: 5000 });
    const params = new URLSearchParams(window.location.search);
    expect(params.get('history_id')).toBeTruthy();
    await within(history).findByRole('list', undefined, { timeout: 5000 });
    const times = [...history.querySelectorAll('li time')].map((time) =>
      time.getAttribute('datetime')!,
    );
    expect(times.length).toBeGreaterThan(0);
    expect(times).toEqual([...times].sort());
    await user.click(within(history).getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(5));
    expect(new URLSearchParams(window.location.search).has('history_id')).toBe(false);
  });

  it('names: the table shows the directory’s names for its users, each id asked once', async () => {
    window.history.replaceState(null, '', '/');
    // The example's directory API, answered here: a name for every acme address but one.
    const asked: URLSearchParams[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if (typeof input !== 'string' || !input.startsWith('/directory/people?'))
        return realFetch(input, init);
      const query = new URLSearchParams(input.slice(input.indexOf('?')));
      asked.push(query);
      const names = query
        .getAll('id')
        .filter((id) => id.endsWith(`@${query.get('tenant')}.example`) && !id.startsWith('niaj@'))
        .map((id) => [id, { name: `Person ${id.split('@')[0]}` }]);
      return Promise.resolve(Response.json(Object.fromEntries(names)));
    };
    try {
      await runExample(6);
      await waitFor(() => expect(bodyRows().length).toBeGreaterThan(5), { timeout: 5000 });
      // Queried by selector: role queries over a whole grid are slow in jsdom.
      const users = () => [
        ...document.querySelectorAll('[data-part="body"] [data-column="user"] [data-ui="name"]'),
      ];
      await waitFor(
        () =>
          expect(users().filter((name) => name.getAttribute('data-state') === 'loading')).toEqual(
            [],
          ),
        { timeout: 10_000 },
      );
      const shown = users().map((name) => [name.textContent, name.getAttribute('title')]);
      expect(shown.length).toBeGreaterThan(5);
      for (const [text, title] of shown) {
        const first = /^(?:Person \w+ \(id )?(\w+)@acme\.example\)?$/.exec(title!)?.[1];
        expect(text).toBe(first === 'niaj' ? title : `Person ${first}`);
      }
      // A render's ids go in one request, each id once; a later render asks only for new ones.
      expect(asked.length).toBeLessThan(shown.length);
      expect(asked.every((query) => query.get('tenant') === 'acme')).toBe(true);
      const ids = asked.flatMap((query) => query.getAll('id'));
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
