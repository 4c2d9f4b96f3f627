// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogClient, type AuditLogEvent } from '../../../src/client/index.js';
import {
  AuditEventDetail,
  AuditLogFilters,
  AuditLogTable,
  AuditUiProvider,
  type AuditNameResolver,
} from '../../../src/components/index.js';
import { FacetSidebar } from '../../../src/components/facets/index.js';
import { safeHttpUrl } from '../../../src/components/names/name-resolver.js';
import { AuditLogProvider } from '../../../src/hooks/index.js';
import { auditLogKeys } from '../../../src/hooks/query-keys.js';
import { makeEvents } from '../../fixtures/events.js';
import { freshQueryClient } from '../../hooks/setup.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};

const root = new AuditLogClient({
  baseUrl: 'https://audit.test',
  apiKey: 'alk_test',
  tenantId: 'acme',
});

const PEOPLE: Record<string, string> = { 'u-1': 'Alice Archer', 'u-2': 'Bob Baker' };

/** A directory that answers after a turn, as a host's API would. */
const directory = (names: Record<string, string> = PEOPLE) =>
  vi.fn<AuditNameResolver>(async (ids) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return Object.fromEntries(
      ids.filter((id) => id in names).map((id) => [id, { name: names[id]! }]),
    );
  });

function Page({
  client = root,
  queryClient = freshQueryClient(),
  resolveActors,
  resolveResources,
  children,
}: {
  client?: AuditLogClient;
  queryClient?: ReturnType<typeof freshQueryClient>;
  resolveActors?: AuditNameResolver;
  resolveResources?: AuditNameResolver;
  children: ReactNode;
}) {
  return (
    <AuditLogProvider client={client} queryClient={queryClient}>
      <AuditUiProvider resolveActors={resolveActors} resolveResources={resolveResources}>
        {children}
      </AuditUiProvider>
    </AuditLogProvider>
  );
}

const rows = (count: number): AuditLogEvent[] =>
  makeEvents(count).map((event, i) => ({
    ...event,
    user_id: `u-${(i % 3) + 1}`,
    resource_type: 'project',
    resource_id: `p-${i % 2}`,
  }));

const userCells = () =>
  [...document.querySelectorAll('[data-part="body"] [data-column="user"]')].map(
    (cell) => cell.textContent,
  );

describe('names for actors and resources', () => {
  it('asks once for every id a table shows, each id once, and shows the names', async () => {
    const resolveActors = directory();
    const resolveResources = directory({ 'p-0': 'Apollo', 'p-1': 'Gemini' });
    render(
      <Page resolveActors={resolveActors} resolveResources={resolveResources}>
        <AuditLogTable events={rows(12)} />
      </Page>,
    );
    // While the directory answers, each cell shows its id.
    expect(userCells().slice(0, 3)).toEqual(['u-1', 'u-2', 'u-3']);
    // The first name fetches the resolving code through import(); later ones have it.
    await waitFor(
      () => expect(userCells().slice(0, 3)).toEqual(['Alice Archer', 'Bob Baker', 'u-3']),
      { timeout: 5000 },
    );
    expect(resolveActors).toHaveBeenCalledTimes(1);
    expect([...resolveActors.mock.calls[0]![0]].sort()).toEqual(['u-1', 'u-2', 'u-3']);
    expect(resolveActors.mock.calls[0]![1]).toEqual({ tenantId: 'acme' });
    expect(resolveResources).toHaveBeenCalledTimes(1);
    expect([...resolveResources.mock.calls[0]![0]].sort()).toEqual(['p-0', 'p-1']);
    // The id stays in the tooltip, to read and copy.
    const alice = screen.getAllByText('Alice Archer')[0]!.closest('[data-ui="name"]')!;
    expect(alice.getAttribute('title')).toBe('Alice Archer (id u-1)');
    const resource = document.querySelector('[data-part="body"] [data-column="resource"]')!;
    await waitFor(() => expect(resource.textContent).toBe('project Apollo'));
  });

  it('keeps names per tenant: the same id in another tenant is asked again and never shows the first', async () => {
    const queryClient = freshQueryClient();
    const resolveActors = vi.fn<AuditNameResolver>(async (ids, { tenantId }) =>
      Object.fromEntries(ids.map((id) => [id, { name: `${id} of ${tenantId}` }])),
    );
    const event = { ...rows(1)[0]!, user_id: 'u-1' };
    const view = (tenant: string) => (
      <Page
        client={root.withTenant(tenant)}
        queryClient={queryClient}
        resolveActors={resolveActors}
      >
        <AuditEventDetail event={{ ...event, tenant_id: tenant }} />
      </Page>
    );
    const { rerender } = render(view('acme'));
    await screen.findByText('u-1 of acme');
    rerender(view('globex'));
    expect(screen.queryByText('u-1 of acme')).toBeNull();
    await screen.findByText('u-1 of globex');
    // Cached under the tenant's key; the previous tenant's entry left with its scope.
    const keys = queryClient
      .getQueryCache()
      .findAll({ queryKey: auditLogKeys.all })
      .map((query) => query.queryKey);
    expect(keys).toContainEqual(auditLogKeys.name(root.withTenant('globex'), 'actor', 'u-1'));
    expect(keys).not.toContainEqual(auditLogKeys.name(root.withTenant('acme'), 'actor', 'u-1'));
    expect(resolveActors.mock.calls.map(([ids, context]) => [ids, context.tenantId])).toEqual([
      [['u-1'], 'acme'],
      [['u-1'], 'globex'],
    ]);
  });

  it('shows the id without a resolver, when the lookup fails and when the answer lacks it', async () => {
    const events = rows(3);
    const { unmount } = render(
      <Page>
        <AuditLogTable events={events} />
      </Page>,
    );
    expect(userCells()).toEqual(['u-1', 'u-2', 'u-3']);
    unmount();

    const failing = vi.fn<AuditNameResolver>(async () => {
      throw new Error('directory down');
    });
    const second = render(
      <Page resolveActors={failing}>
        <AuditLogTable events={events} />
      </Page>,
    );
    await waitFor(() => expect(failing).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(userCells()).toEqual(['u-1', 'u-2', 'u-3']);
    second.unmount();

    // Odd answers: not an object for an id, an empty name, a prototype key, a name for an id not asked.
    const odd = vi.fn<AuditNameResolver>(
      async () =>
        ({
          'u-1': 'Alice',
          'u-2': { name: '  ' },
          other: { name: 'Nobody asked' },
        }) as never,
    );
    render(
      <Page resolveActors={odd}>
        <AuditLogTable events={[...events, { ...events[0]!, id: 'e-x', user_id: 'constructor' }]} />
      </Page>,
    );
    await waitFor(() => expect(odd).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(userCells()).toEqual(['u-1', 'u-2', 'u-3', 'constructor']);
  });

  it('shows ids outside an AuditLogProvider, where no tenant keys a cache, and never calls the resolver', () => {
    const resolveActors = directory();
    render(
      <AuditUiProvider resolveActors={resolveActors}>
        <AuditLogTable events={rows(2)} />
      </AuditUiProvider>,
    );
    expect(userCells()).toEqual(['u-1', 'u-2']);
    expect(resolveActors).not.toHaveBeenCalled();
  });

  it('names the values of the facets and the filter chips, and keeps the id in reach', async () => {
    const resolveActors = directory();
    render(
      <Page resolveActors={resolveActors}>
        <AuditLogFilters
          defaultValue={{ user_ids: ['u-1'], exclude_user_ids: ['u-2'] }}
          onChange={vi.fn()}
        />
        <FacetSidebar
          value={{}}
          onChange={vi.fn()}
          fields={['user_id']}
          facets={{
            user_id: [
              { value: 'u-1', count: 3 },
              { value: 'u-3', count: 1 },
            ],
          }}
        />
      </Page>,
    );
    await waitFor(() => expect(resolveActors).toHaveBeenCalled());
    const chip = await screen.findByRole(
      'button',
      { name: 'Remove filter: User: Alice Archer' },
      { timeout: 3000 },
    );
    expect(chip.getAttribute('title')).toBe('Alice Archer (id u-1)');
    expect(screen.getByRole('button', { name: 'Remove filter: User: not Bob Baker' })).toBeTruthy();
    const facet = within(screen.getByRole('navigation', { name: 'Fields' }));
    expect(facet.getByRole('button', { name: 'Alice Archer 3' })).toBeTruthy();
    expect(facet.getByRole('button', { name: 'u-3 1' })).toBeTruthy();
    // Chips and facets rendered together: one call for all their ids.
    expect(resolveActors).toHaveBeenCalledTimes(1);
  });
});

describe('host links', () => {
  const UNSAFE = [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '/users/1',
    '//evil.example/users/1',
    '\\\\evil.example\\users',
    'users/1',
    'ftp://files.example/u-1',
    '',
  ];

  it('accepts absolute http(s) URLs only', () => {
    for (const href of UNSAFE) expect(safeHttpUrl(href), href).toBeUndefined();
    expect(safeHttpUrl('https://people.example/u/1')).toBe('https://people.example/u/1');
    expect(safeHttpUrl('HTTP://people.example')).toBe('http://people.example/');
    expect(safeHttpUrl(42)).toBeUndefined();
  });

  it('links the detail to the host page in a new tab for http(s) and shows plain text for anything else', async () => {
    const event = rows(1)[0]!;
    const resolver =
      (href: string, avatarUrl?: string): AuditNameResolver =>
      async (ids) =>
        Object.fromEntries(ids.map((id) => [id, { name: 'Alice Archer', href, avatarUrl }]));

    const { container, unmount } = render(
      <Page resolveActors={resolver('https://people.example/u/1', 'https://people.example/a.png')}>
        <AuditEventDetail event={event} />
      </Page>,
    );
    const link = await screen.findByRole('link', { name: 'Alice Archer' });
    expect(link.getAttribute('href')).toBe('https://people.example/u/1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    const avatar = container.querySelector('img[data-part="avatar"]')!;
    expect(avatar.getAttribute('loading')).toBe('lazy');
    expect(avatar.getAttribute('alt')).toBe('');
    // The id stays on screen beside the name, and the copy button copies it.
    const field = screen.getByText('User').closest('[data-part="field"]')!;
    expect(field.querySelector('[data-part="name-id"]')!.textContent).toBe(event.user_id);
    unmount();

    for (const href of UNSAFE) {
      const view = render(
        <Page resolveActors={resolver(href, 'data:image/svg+xml,<svg onload=alert(1)>')}>
          <AuditEventDetail event={event} />
        </Page>,
      );
      await screen.findByText('Alice Archer');
      expect(view.container.querySelector('a'), href).toBeNull();
      expect(view.container.querySelector('img'), href).toBeNull();
      view.unmount();
    }
  });
});
