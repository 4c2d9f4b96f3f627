// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogClient, type AuditLogEvent } from '../../src/client/index.js';
import { AuditEventDetail } from '../../src/components/index.js';
import { createAuditLogTestServer } from '../../src/server/index.js';
import { axeViolations } from './axe.js';

const base: AuditLogEvent = {
  id: 'evt-1',
  tenant_id: 'acme',
  event_type: 'data_modification',
  resource_type: 'invoice',
  resource_id: 'inv-42',
  action: 'update',
  severity: 'warning',
  description: 'Invoice inv-42 updated',
  metadata: {
    before: { status: 'draft', amount: 10 },
    after: { status: 'approved', amount: 10 },
    source: 'web',
  },
  ip_address: '10.0.0.7',
  user_agent: 'Mozilla/5.0',
  session_id: 'sess-9',
  correlation_id: 'req-77',
  user_id: 'alice@acme.example',
  timestamp: '2026-01-02T03:04:05.000Z',
  created_at: '2026-01-02T03:04:05.000Z',
};

describe('AuditEventDetail', () => {
  it('shows every field and the before/after change, only for what changed', async () => {
    const { container } = render(<AuditEventDetail event={base} />);
    const resource = screen.getByText('Resource').closest('[data-part="field"]')!;
    expect(resource.querySelector('dd')!.textContent).toBe('invoice / inv-42Copy');
    for (const text of [
      'Invoice inv-42 updated',
      'alice@acme.example',
      '10.0.0.7',
      'sess-9',
      'req-77',
      'evt-1',
    ]) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    const changes = screen.getByRole('table', { name: 'Changes' });
    expect(
      within(changes)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Field', 'Before', 'After']);
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toBe('status"draft""approved"');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('reads `changes` in its common shapes', () => {
    render(
      <AuditEventDetail
        event={{
          ...base,
          metadata: { changes: { role: { from: 'viewer', to: 'admin' }, email: ['a@x', 'b@x'] } },
        }}
      />,
    );
    const rows = within(screen.getByRole('table', { name: 'Changes' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['role"viewer""admin"', 'email"a@x""b@x"']);
  });

  it('shows metadata as a collapsible tree of text', async () => {
    render(
      <AuditEventDetail event={{ ...base, metadata: { deep: { deeper: { deepest: 'x' } } } }} />,
    );
    const nodes = screen.getByRole('region', { name: 'Metadata' }).querySelectorAll('details');
    expect(nodes.length).toBe(3); // metadata, deep, deeper; "deepest" is a leaf
    expect(nodes[1]!.open).toBe(true);
    expect(nodes[2]!.open).toBe(false); // deep levels start collapsed
    await userEvent.setup().click(nodes[2]!.querySelector('summary')!);
    expect(nodes[2]!.open).toBe(true);
    expect(nodes[2]!.textContent).toContain('deepest: "x"');
  });

  it('says how big each metadata node is in words, not with a bare brace and a number', () => {
    render(
      <AuditEventDetail event={{ ...base, metadata: { tags: ['a', 'b'], owner: { id: 7 } } }} />,
    );
    const tree = screen.getByRole('region', { name: 'Metadata' });
    const summaries = [...tree.querySelectorAll('summary')].map((summary) => summary.textContent);
    expect(summaries).toEqual(['Metadata2 keys', 'tags2 items', 'owner1 key']);
    expect(tree.textContent).not.toMatch(/[{[]\s*\d/);
  });

  it('opens a 200,000-element array a page at a time, keeping the DOM small', async () => {
    const user = userEvent.setup();
    const ids = Array.from({ length: 200_000 }, (_, index) => `id-${index}`);
    render(<AuditEventDetail event={{ ...base, metadata: { ids } }} />);
    const tree = screen.getByRole('region', { name: 'Metadata' });
    expect(tree.querySelectorAll('li').length).toBeLessThanOrEqual(101);
    expect(tree.textContent).toContain('ids200,000 items');
    expect(tree.textContent).toContain('"id-99"');
    expect(tree.textContent).not.toContain('"id-100"');
    await user.click(
      within(tree).getByRole('button', { name: 'Show 100 more (100 of 200,000 shown)' }),
    );
    expect(tree.textContent).toContain('"id-199"');
    expect(tree.querySelectorAll('li').length).toBeLessThanOrEqual(201);
    // Closed, the node keeps none of its children in the page.
    await user.click(within(tree).getByText('ids').closest('summary')!);
    expect(tree.querySelectorAll('li').length).toBe(1);
  });

  it('keeps `__proto__` and `constructor` metadata keys from writer to screen, as text', async () => {
    const server = await createAuditLogTestServer({ seed: { eventsPerTenant: 0 } });
    const client = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch });
    await client.login({ username: 'manager', password: 'audit-demo', tenant_id: 'acme' });
    // As from the wire: JSON.parse makes `__proto__` an own key, not a prototype.
    const metadata = JSON.parse(
      '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":"p"},"before":{"__proto__":1},"after":{"__proto__":2}}',
    ) as Record<string, unknown>;
    const written = await client.createEvent({ ...base, metadata });
    const event = await client.getEvent(written.id);
    expect(Object.keys(event.metadata ?? {})).toEqual([
      '__proto__',
      'constructor',
      'before',
      'after',
    ]);
    render(<AuditEventDetail event={event} />);
    const tree = screen.getByRole('region', { name: 'Metadata' });
    expect(tree.textContent).toContain('__proto__');
    expect(tree.textContent).toContain('"yes"');
    const changes = screen.getByRole('table', { name: /change/i });
    expect(within(changes).getByText('__proto__')).toBeTruthy();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('offers correlated events, the same session, and copying', async () => {
    const onShowCorrelated = vi.fn();
    const onShowSameSession = vi.fn();
    const user = userEvent.setup();
    render(
      <AuditEventDetail
        event={base}
        onShowCorrelated={onShowCorrelated}
        onShowSameSession={onShowSameSession}
        eventLink={(event) => `https://admin.example/audit?event=${event.id}`}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Show correlated events' }));
    await user.click(screen.getByRole('button', { name: 'Show events of the same session' }));
    expect(onShowCorrelated).toHaveBeenCalledWith('req-77');
    expect(onShowSameSession).toHaveBeenCalledWith('sess-9');
    await user.click(screen.getByRole('button', { name: 'Copy link to this event' }));
    expect(await navigator.clipboard.readText()).toBe('https://admin.example/audit?event=evt-1');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('shows the start of a 1 MiB description and all of it on request', async () => {
    const user = userEvent.setup();
    const description = 'A'.repeat(1_048_576);
    const { container } = render(<AuditEventDetail event={{ ...base, description }} />);
    const value = container.querySelector('header [data-part="value"]')!;
    expect(value.textContent!.length).toBeLessThan(5000);
    expect(value.textContent!.endsWith('…')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Show all 1,048,576 characters' }));
    expect(value.textContent).toBe(description);
    await user.click(screen.getByRole('button', { name: 'Show less' }));
    expect(value.textContent!.length).toBeLessThan(5000);
  });

  it('cuts long metadata strings and keys in the tree, and offers the rest', async () => {
    const user = userEvent.setup();
    const word = 'x'.repeat(100_000);
    render(<AuditEventDetail event={{ ...base, metadata: { word, [word]: 1 } }} />);
    const tree = screen.getByRole('region', { name: 'Metadata' });
    expect(tree.textContent!.length).toBeLessThan(10_000);
    await user.click(within(tree).getByRole('button', { name: 'Show all 100,002 characters' }));
    expect(tree.textContent).toContain(JSON.stringify(word));
  });

  it('takes the reveal buttons from the labels', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <AuditEventDetail
        event={{ ...base, description: 'A'.repeat(5000) }}
        labels={{
          showAllText: (characters) => `Alle ${characters.toLocaleString('de')} Zeichen zeigen`,
          showLessText: 'Weniger zeigen',
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Alle 5.000 Zeichen zeigen' }));
    expect(screen.getByRole('button', { name: 'Weniger zeigen' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('copies a long value whole, though it shows only its start', async () => {
    const user = userEvent.setup();
    const userId = `u-${'9'.repeat(10_000)}`;
    render(<AuditEventDetail event={{ ...base, user_id: userId }} />);
    const field = screen.getByText('User').closest('[data-part="field"]') as HTMLElement;
    expect(field.querySelector('[data-part="value"]')!.textContent!.length).toBeLessThan(5000);
    await user.click(within(field).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(userId);
  });

  it('renders hostile fields as inert text that wraps', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">javascript:alert(1)\u202Egnp.exe';
    const { container } = render(
      <AuditEventDetail
        event={{
          ...base,
          description: hostile,
          user_id: hostile,
          metadata: { [hostile]: hostile, html: '<script>alert(1)</script>' },
        }}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(screen.getAllByText(hostile).length).toBeGreaterThan(0);
    for (const value of container.querySelectorAll('[data-part="value"]'))
      expect(value.children).toHaveLength(0);
  });
});
