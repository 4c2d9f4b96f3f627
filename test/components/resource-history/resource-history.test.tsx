// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogEventCreate } from '../../../src/client/index.js';
import { ResourceHistory } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

const TENANT = 'acme';
const APOLLO = { resource_type: 'project', resource_id: 'apollo' };

const change = (
  day: number,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditLogEventCreate => ({
  event_type: 'data_modification',
  ...APOLLO,
  action,
  severity: 'info',
  user_id: 'alice',
  description: `${action} project Apollo`,
  timestamp: `2026-03-0${day}T10:00:00.000Z`,
  metadata: before || after ? { before, after } : null,
});

// Written out of order: the history orders them by time, not by when they arrived.
const EVENTS: AuditLogEventCreate[] = [
  change(3, 'rename', { name: 'Apollo' }, { name: 'Apollo 11' }),
  change(1, 'create', {}, { name: 'Apollo', status: 'draft' }),
  change(4, 'read', null, null),
  change(2, 'publish', { status: 'draft' }, { status: 'live' }),
  change(5, 'delete', { status: 'live' }, {}),
  { ...change(2, 'create', {}, { name: 'Gemini' }), resource_id: 'gemini' },
];

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 10 } });
  const writer = await signedInClient(server, 'writer', TENANT);
  await writer.createEventsBatch(EVENTS);
});

const entries = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('ResourceHistory', () => {
  it('shows one resource’s events oldest first, each with its change, a page at a time', async () => {
    const client = await signedInClient(server, 'viewer', TENANT);
    const { container } = render(<ResourceHistory resource={APOLLO} pageSize={3} />, {
      wrapper: wrapperFor(client),
    });
    expect(screen.getByRole('region', { name: 'History of project / apollo' })).toBeTruthy();
    await screen.findByText('Events 1–3 of 5, oldest first', undefined, { timeout: 5000 });
    const list = screen.getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('strong').textContent)).toEqual([
      'create',
      'publish',
      'rename',
    ]);
    // Each entry's own change, field by field, before beside after.
    const publish = within(items[1]!).getByRole('table', { name: 'Changes' });
    expect(
      within(publish)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['status"draft""live"']);
    const created = within(items[0]!).getByRole('table', { name: 'Changes' });
    expect(within(created).getAllByRole('row')).toHaveLength(3);
    expect(await axeViolations(container)).toEqual([]);

    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Older' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Newer' }));
    await screen.findByText('Events 4–5 of 5, oldest first');
    expect(entries()).toHaveLength(2);
    expect(entries()[0]).toContain('No change recorded');
    expect(entries()[1]).toContain('delete project Apollo');
    expect(screen.getByRole('button', { name: 'Newest' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Oldest' }));
    await screen.findByText('Events 1–3 of 5, oldest first');
  });

  it('says so when the resource has no events, and Back leaves it', async () => {
    const client = await signedInClient(server, 'viewer', TENANT);
    const onBack = vi.fn();
    render(
      <ResourceHistory
        resource={{ resource_type: 'project', resource_id: 'never' }}
        onBack={onBack}
        autoFocus
      />,
      { wrapper: wrapperFor(client) },
    );
    await screen.findByText('No events recorded for this resource.', undefined, { timeout: 5000 });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('leaves on Escape as on Back, and only where it offers Back', async () => {
    const client = await signedInClient(server, 'viewer', TENANT);
    const onBack = vi.fn();
    const outer = vi.fn();
    const { rerender } = render(
      <div onKeyDown={(event) => outer(event.defaultPrevented)}>
        <ResourceHistory resource={APOLLO} onBack={onBack} autoFocus />
      </div>,
      { wrapper: wrapperFor(client) },
    );
    await screen.findByText('Events 1–5 of 5, oldest first', undefined, { timeout: 5000 });
    await userEvent.keyboard('{Escape}');
    expect(onBack).toHaveBeenCalledOnce();
    // Handled: a viewer around it does not also close its detail on the same key.
    expect(outer).toHaveBeenLastCalledWith(true);

    rerender(
      <div onKeyDown={(event) => outer(event.defaultPrevented)}>
        <ResourceHistory resource={APOLLO} autoFocus />
      </div>,
    );
    screen.getByRole('heading', { level: 2 }).focus();
    await userEvent.keyboard('{Escape}');
    expect(onBack).toHaveBeenCalledOnce();
    expect(outer).toHaveBeenLastCalledWith(false);
  });

  it('starts another resource at its own first event, never showing the last one’s', async () => {
    const client = await signedInClient(server, 'viewer', TENANT);
    const { rerender } = render(<ResourceHistory resource={APOLLO} pageSize={3} />, {
      wrapper: wrapperFor(client),
    });
    await screen.findByText('Events 1–3 of 5, oldest first', undefined, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await screen.findByText('Events 4–5 of 5, oldest first');
    rerender(<ResourceHistory resource={{ ...APOLLO, resource_id: 'gemini' }} pageSize={3} />);
    await waitFor(() => expect(entries()).toHaveLength(1));
    expect(entries()[0]).toContain('Gemini');
    expect(screen.getByText('Events 1–1 of 1, oldest first')).toBeTruthy();
  });
});
