// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditLogSummary } from '../../src/client/index.js';
import {
  AuditUiProvider,
  ConnectedSummaryCards,
  SummaryCards,
} from '../../src/components/index.js';
import { newClient, signedInClient, testServer, wrapperFor } from '../hooks/setup.js';
import { axeViolations } from './axe.js';

const summary: AuditLogSummary = {
  total_count: 12345,
  event_types: {},
  severities: { critical: 3, error: 40, warning: 120, info: 12000, debug: 182 },
  resource_types: { invoice: 10, user: 5, document: 1 },
  date_range: { start: null, end: null },
};

const figure = (name: string) =>
  within(screen.getByText(name).parentElement!).getByRole('definition').textContent;

describe('SummaryCards', () => {
  it('shows total, critical plus errors, warnings and resource types, in the locale', async () => {
    const { container } = render(
      <AuditUiProvider locale="de-DE">
        <SummaryCards summary={summary} />
      </AuditUiProvider>,
    );
    expect(figure('Events')).toBe('12.345');
    expect(figure('Critical and errors')).toBe('43');
    expect(figure('Warnings')).toBe('120');
    expect(figure('Resource types')).toBe('3');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says it is loading until the summary arrives', () => {
    render(<SummaryCards summary={undefined} />);
    expect(screen.getAllByText('Loading…')).toHaveLength(4);
  });

  it('counts the current filters when connected', async () => {
    const server = await testServer({ seed: { eventsPerTenant: 150 } });
    const client = await signedInClient(server, 'viewer', 'acme');
    const critical = (await client.queryEvents({ severities: ['critical'] }, { size: 1 })).total;
    render(<ConnectedSummaryCards query={{ severities: ['critical'] }} />, {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(figure('Events')).toBe(String(critical)));
    expect(figure('Warnings')).toBe('0');
  });

  it('says the summary could not load, instead of loading for ever, and retries on request', async () => {
    const server = await testServer({ seed: { eventsPerTenant: 30 } });
    let down = true;
    const flaky: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (down && url.pathname === '/api/v1/audit/summary') {
        return Promise.resolve(Response.json({ detail: 'down' }, { status: 503 }));
      }
      return server.fetch(input, init);
    };
    const client = newClient(server, flaky);
    await client.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    const { container } = render(<ConnectedSummaryCards />, { wrapper: wrapperFor(client) });
    const retry = await screen.findByRole('button', { name: 'Try again' }, { timeout: 5000 });
    expect(screen.getByText('Could not load the summary')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(container.querySelector('dl')!.getAttribute('aria-busy')).toBe('false');
    expect(await axeViolations(container)).toEqual([]);

    down = false;
    await userEvent.setup().click(retry);
    await waitFor(() => expect(figure('Events')).toBe('30'));
    expect(screen.queryByText('Could not load the summary')).toBeNull();
  });
});
