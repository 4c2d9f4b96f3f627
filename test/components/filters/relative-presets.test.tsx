// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditLogFilters,
  AuditLogView,
  ConnectedAuditLogFilters,
} from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer();
});
beforeEach(() => window.history.replaceState(null, '', '/?start_date=2020-01-01T00:00:00.000Z'));

const params = () => new URLSearchParams(window.location.search);

describe('time presets inside a view', () => {
  it('stay relative in the URL, replacing a date, and leave as they came', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(server, 'viewer', 'acme');
    render(
      <AuditLogView syncUrl>
        <AuditLogFilters />
      </AuditLogView>,
      { wrapper: wrapperFor(client) },
    );
    const presets = within(screen.getByRole('group', { name: 'Time range' }));
    await user.click(presets.getByRole('button', { name: 'Last 24 hours' }));
    expect(params().get('last')).toBe('24h');
    expect(params().has('start_date')).toBe(false);
    expect(
      presets.getByRole('button', { name: 'Last 24 hours' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Remove filter: Time range: Last 24 hours' }),
      ).toBeTruthy(),
    );

    // A date typed while a preset is in force replaces it.
    const from = screen.getByLabelText('From');
    expect((from as HTMLInputElement).value).toBe('');
    await user.type(from, '2026-01-02T03:04');
    expect(params().has('last')).toBe(false);
    expect(params().get('start_date')).toBeTruthy();

    await user.click(presets.getByRole('button', { name: 'Last 7 days' }));
    expect(params().get('last')).toBe('7d');
    await user.click(presets.getByRole('button', { name: 'Last 7 days' }));
    expect(params().has('last')).toBe(false);
    expect(params().has('start_date')).toBe(false);
  });

  it('count each value over the relative range when connected', async () => {
    const client = await signedInClient(server, 'viewer', 'acme');
    const start = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const [week, all] = await Promise.all([
      client.getSummary({ start_date: start }),
      client.getSummary({}),
    ]);
    expect(week.severities.info).toBeLessThan(all.severities.info ?? 0);
    render(<ConnectedAuditLogFilters last="7d" onLastChange={() => {}} />, {
      wrapper: wrapperFor(client),
    });
    const info = week.severities.info ?? 0;
    await waitFor(
      () =>
        expect(
          within(screen.getByRole('group', { name: 'Severities' })).getByRole('checkbox', {
            name: `Info ${info}`,
          }),
        ).toBeTruthy(),
      { timeout: 5000 },
    );
  });
});
