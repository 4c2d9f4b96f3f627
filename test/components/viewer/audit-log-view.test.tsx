// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogClient } from '../../../src/client/index.js';
import { SeverityBreakdownChart } from '../../../src/components/charts/index.js';
import {
  AuditLogFilters,
  AuditLogPager,
  AuditLogTable,
  AuditLogView,
  ConnectedAuditLogTable,
  ConnectedSummaryCards,
  ExportButton,
  SummaryCards,
} from '../../../src/components/index.js';
import type { ExportResult } from '../../../src/hooks/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { newClient, readBlobText, testServer, wrapperFor } from '../../hooks/setup.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};

let server: AuditLogTestServer;
let client: AuditLogClient;
const requests: URL[] = [];
const asked = (path: string) => requests.filter((url) => url.pathname.endsWith(path)).length;

beforeAll(async () => {
  server = await testServer();
  client = newClient(server, (input, init) => {
    requests.push(new URL(input instanceof Request ? input.url : String(input)));
    return server.fetch(input, init);
  });
  await client.login({ username: 'manager', password: 'audit-demo', tenant_id: 'acme' });
});

const severities = () =>
  [...document.querySelectorAll<HTMLElement>('[data-part="body"] [role="row"]')].map(
    (row) => row.dataset.severity,
  );
const figure = (card: string) =>
  document.querySelector(`[data-part="summary-card"][data-card="${card}"] dd`)?.textContent;

describe('AuditLogView with parts in an arrangement of the host', () => {
  it('changes the table, summary, chart and export together, with one events request per filter change', async () => {
    const user = userEvent.setup();
    const onExported = vi.fn<(file: ExportResult & { blob: Blob }) => void>();
    render(
      <AuditLogView pageSize={20}>
        <section aria-label="Side">
          <AuditLogFilters />
        </section>
        <main>
          <SummaryCards />
          <SeverityBreakdownChart width={400} />
          <ExportButton onExported={onExported} />
          <AuditLogTable />
          <AuditLogPager />
        </main>
      </AuditLogView>,
      { wrapper: wrapperFor(client) },
    );
    await waitFor(() => expect(severities().length).toBe(20), { timeout: 5000 });
    await waitFor(() => expect(figure('total')).toBe('120'));
    expect(asked('/events')).toBe(1);
    expect(asked('/summary')).toBe(1);

    const warnings = (await client.queryEvents({ severities: ['warning'] }, { size: 1 })).total;
    requests.length = 0;
    const group = screen.getByRole('group', { name: 'Severities' });
    await user.click(within(group).getByRole('checkbox', { name: /^Warning/ }));
    await waitFor(() => expect(severities().every((s) => s === 'warning')).toBe(true));
    await waitFor(() => expect(figure('total')).toBe(String(warnings)));
    // The chart's numbers (its screen-reader table) follow the same filter.
    const chart = screen.getByRole('figure', { name: 'Events by severity' });
    await waitFor(() =>
      expect(within(chart).getByRole('row', { name: /^Info/ }).textContent).toContain('0'),
    );
    expect(asked('/events')).toBe(1);
    expect(asked('/summary')).toBe(1);

    // The export holds what the table shows.
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onExported).toHaveBeenCalledTimes(1));
    const lines = (await readBlobText(onExported.mock.calls[0]![0].blob)).trimEnd().split('\r\n');
    expect(lines.length - 1).toBe(warnings);

    // A bar click is a filter change too: one more request each.
    requests.length = 0;
    await user.click(screen.getByRole('button', { name: /^Filter by Error/ }));
    await waitFor(() => expect(severities().every((s) => s === 'error')).toBe(true));
    expect(asked('/events')).toBe(1);
  });

  it('runs no query of its own for a Connected part inside a view', async () => {
    requests.length = 0;
    render(
      <AuditLogView pageSize={10}>
        <ConnectedSummaryCards query={{ severities: ['critical'] }} />
        <ConnectedAuditLogTable query={{ severities: ['critical'] }} size={50} />
      </AuditLogView>,
      { wrapper: wrapperFor(client) },
    );
    await waitFor(() => expect(severities().length).toBe(10), { timeout: 5000 });
    await waitFor(() => expect(figure('total')).toBe('120'));
    expect(asked('/events')).toBe(1);
    expect(asked('/summary')).toBe(1);
  });
});
