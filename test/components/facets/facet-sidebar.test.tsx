// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  AuditLogClient,
  AuditLogEvent,
  AuditLogQueryInput,
} from '../../../src/client/index.js';
import { ConnectedFacetSidebar, FacetSidebar } from '../../../src/components/facets/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { newClient, signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

let server: AuditLogTestServer;
let client: AuditLogClient;
let events: AuditLogEvent[];

beforeAll(async () => {
  server = await testServer();
  client = await signedInClient(server, 'viewer', 'acme');
  events = await client.listEvents({}, { limit: 1000 });
});

const section = (name: string) => {
  const title = screen.getByRole('button', { name });
  return within(title.closest('section')!);
};

/** Actions of the acme events, most frequent first, ties by name. */
function actionCounts(matching: readonly AuditLogEvent[]) {
  const counts = new Map<string, number>();
  for (const event of matching) counts.set(event.action, (counts.get(event.action) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function Connected({ onChange }: { onChange: (query: AuditLogQueryInput) => void }) {
  const [query, setQuery] = useState<AuditLogQueryInput>({});
  return (
    <ConnectedFacetSidebar
      value={query}
      fields={['action', 'user_id']}
      limit={3}
      onChange={(next) => {
        setQuery(next);
        onChange(next);
      }}
    />
  );
}

describe('FacetSidebar', () => {
  it('lists the top values with counts, and picks, excludes and drops them on click', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Connected onChange={onChange} />, { wrapper: wrapperFor(client) });
    const [[top, topCount], [second]] = actionCounts(events) as [[string, number], [string]];
    const actions = section('Action');
    const topButton = await actions.findByRole('button', { name: `${top} ${topCount}` });
    expect(topButton.getAttribute('aria-pressed')).toBe('false');
    expect(actions.getAllByRole('listitem')).toHaveLength(3);

    await user.click(topButton);
    expect(onChange).toHaveBeenLastCalledWith({ actions: [top] });
    // The picked field still offers its other values; the users narrow to the picked action.
    await waitFor(() =>
      expect(
        actions.getByRole('button', { name: new RegExp(`^${top} `) }).getAttribute('aria-pressed'),
      ).toBe('true'),
    );
    expect(actions.getByRole('button', { name: new RegExp(`^${second} `) })).toBeTruthy();
    const users = section('User');
    const withTop = events.filter((event) => event.action === top);
    const userCounts = new Map<string, number>();
    for (const event of withTop)
      if (event.user_id !== null)
        userCounts.set(event.user_id, (userCounts.get(event.user_id) ?? 0) + 1);
    const expectedUsers = [...userCounts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([name, count]) => `${name} ${count}`);
    await waitFor(() =>
      expect(
        users
          .getAllByRole('button', { pressed: false })
          .filter((button) => button.dataset.part === 'facet-include')
          .map((button) => button.textContent),
      ).toEqual(expectedUsers),
    );

    await user.click(actions.getByRole('button', { name: `Exclude Action: ${second}` }));
    expect(onChange).toHaveBeenLastCalledWith({ actions: [top], exclude_actions: [second] });
    await user.click(actions.getByRole('button', { name: new RegExp(`^${top} `) }));
    expect(onChange).toHaveBeenLastCalledWith({ exclude_actions: [second] });
  });

  it('excludes a value on Alt+click, and its exclude button takes the exclusion back', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Connected onChange={onChange} />, { wrapper: wrapperFor(client) });
    const [[top]] = actionCounts(events) as [[string, number]];
    const actions = section('Action');
    const button = await actions.findByRole('button', { name: new RegExp(`^${top} `) });
    await user.keyboard('{Alt>}');
    await user.click(button);
    await user.keyboard('{/Alt}');
    expect(onChange).toHaveBeenLastCalledWith({ exclude_actions: [top] });
    await waitFor(() =>
      expect(
        actions
          .getByRole('button', { name: `Exclude Action: ${top}` })
          .getAttribute('aria-pressed'),
      ).toBe('true'),
    );
    expect(
      actions.getByRole('button', { name: new RegExp(`^${top} \\(excluded\\)`) }),
    ).toBeTruthy();
    await user.click(actions.getByRole('button', { name: `Exclude Action: ${top}` }));
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('collapses a field and shows more of its values on request', async () => {
    const user = userEvent.setup();
    render(<Connected onChange={() => undefined} />, { wrapper: wrapperFor(client) });
    const title = screen.getByRole('button', { name: 'Action' });
    const actions = section('Action');
    await actions.findAllByRole('listitem');
    expect(title.getAttribute('aria-expanded')).toBe('true');
    await user.click(title);
    expect(title.getAttribute('aria-expanded')).toBe('false');
    expect(actions.queryByRole('list')).toBeNull();
    await user.click(title);

    const all = actionCounts(events);
    expect(all.length).toBeGreaterThan(3);
    await user.click(actions.getByRole('button', { name: 'More: Action' }));
    await waitFor(() =>
      expect(actions.getAllByRole('listitem')).toHaveLength(Math.min(all.length, 100)),
    );
    await user.click(actions.getByRole('button', { name: 'Fewer: Action' }));
    expect(actions.getAllByRole('listitem')).toHaveLength(3);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('says so, instead of showing empty lists, when the server has no facets', async () => {
    const older = newClient(server, (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/events/facets'))
        return Promise.resolve(
          Response.json({ error: 'not_found', message: 'No such route' }, { status: 404 }),
        );
      return server.fetch(request);
    });
    await older.login({ username: 'viewer', password: 'audit-demo', tenant_id: 'acme' });
    render(<Connected onChange={() => undefined} />, { wrapper: wrapperFor(older) });
    expect(
      await screen.findByText(
        'This server does not count values by field, so no counts are shown.',
      ),
    ).toBeTruthy();
  });

  it('shows severities by name and keeps a picked value that the counts leave out', () => {
    render(
      <FacetSidebar
        value={{ severities: ['debug'], exclude_user_ids: ['mallory'] }}
        onChange={() => undefined}
        fields={['severity', 'user_id']}
        facets={{ severity: [{ value: 'critical', count: 1200 }], user_id: [] }}
      />,
    );
    const severities = section('Severity');
    expect(severities.getByRole('button', { name: /^Critical 1,200$/ })).toBeTruthy();
    expect(severities.getByRole('button', { name: 'Debug' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(
      section('User')
        .getByRole('button', { name: 'Exclude User: mallory' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
  });
});
