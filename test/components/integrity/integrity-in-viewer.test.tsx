// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLogViewer } from '../../../src/components/index.js';
import { AUDIT_LABELS_DE } from '../../../src/components/ui/locales/de.js';
import type { MemoryStore } from '../../../src/server/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};
// Every test starts a new log at the same address: forget the heads earlier tests saw.
beforeEach(() => localStorage.clear());

const bodyRows = () => [
  ...document.querySelectorAll<HTMLElement>('[data-part="body"] [role="row"]'),
];
/** The accessible name of each shown row's mark, in row order. */
const marks = () =>
  bodyRows().map(
    (row) => row.querySelector('[data-part="integrity-mark"]')?.getAttribute('aria-label') ?? '',
  );
/** The integrity banner, an alert (the page may hold other alerts, e.g. a field's errors). */
const banner = () =>
  screen.queryAllByRole('alert').find((alert) => alert.dataset['part'] === 'integrity-banner');
const findBanner = () =>
  waitFor(
    () => {
      expect(banner()).toBeDefined();
      return banner()!;
    },
    { timeout: 10_000 },
  );
const settled = () =>
  waitFor(
    () => {
      expect(bodyRows().length).toBeGreaterThan(0);
      expect(document.querySelector('[data-verdict="checking"]')).toBeNull();
    },
    { timeout: 10_000 },
  );

describe('integrity in the viewer', () => {
  it('marks every untouched row verified, in words, and shows no banner', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const { container } = render(<AuditLogViewer hide={{ charts: true }} pageSize={20} />, {
      wrapper: wrapperFor(client),
    });
    await settled();
    const names = marks();
    expect(names).toHaveLength(20);
    expect(new Set(names)).toEqual(
      new Set(['Verified: this event is in the signed log, unchanged']),
    );
    expect(bodyRows()[0]!.querySelector('[data-part="integrity-mark"]')?.textContent).toBe(
      '✓Verified',
    );
    expect(banner()).toBeUndefined();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('marks a row changed behind the API as failed and says so in a banner; the rest stay verified', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const page = await client.queryEvents({}, { size: 20 });
    const victim = page.items[3]!;
    (server.store as MemoryStore).editStoredEvents('acme', (rows) => {
      rows.find((row) => row.id === victim.id)!.description = 'quietly rewritten';
    });
    render(<AuditLogViewer hide={{ charts: true }} pageSize={20} />, {
      wrapper: wrapperFor(client),
    });
    await settled();
    const shown = marks();
    expect(shown[3]).toBe('Failed: this event differs from the one the signed log holds');
    const failedRow = bodyRows()[3]!;
    expect(failedRow.textContent).toContain('quietly rewritten');
    expect(failedRow.querySelector('[data-part="integrity-mark"]')?.textContent).toBe('✕Changed');
    const others = shown.filter((_, index) => index !== 3);
    expect(others).toHaveLength(19);
    expect(others.every((name) => name.startsWith('Verified'))).toBe(true);

    const shownBanner = await findBanner();
    expect(shownBanner.textContent).toContain('Integrity check failed');
    expect(shownBanner.textContent).toContain(
      '1 event on this page failed verification (1 changed).',
    );
  });

  it('says in the banner when the log is not the one seen on the last visit', async () => {
    const first = await testServer();
    const before = render(<AuditLogViewer hide={{ charts: true }} pageSize={10} />, {
      wrapper: wrapperFor(await signedInClient(first, 'viewer', 'acme')),
    });
    await settled();
    before.unmount();
    // Another log at the same address and tenant: what a rewritten or replaced log looks like.
    const second = await testServer({ seed: { eventsPerTenant: 60 } });
    render(<AuditLogViewer hide={{ charts: true }} pageSize={10} />, {
      wrapper: wrapperFor(await signedInClient(second, 'viewer', 'acme')),
    });
    expect((await findBanner()).textContent).toMatch(/The log is not the one seen before: .+/);
  });

  it('shows the open event’s place in the signed log in its detail', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    render(<AuditLogViewer hide={{ charts: true }} pageSize={20} />, {
      wrapper: wrapperFor(client),
    });
    await settled();
    const user = userEvent.setup();
    bodyRows()[2]!.focus();
    await user.keyboard('{Enter}');
    const detail = await screen.findByRole('complementary', { name: 'Event detail' });
    const proof = await within(detail).findByRole('region', { name: 'Integrity proof' });
    const value = (label: string) =>
      [...proof.querySelectorAll('[data-part="field"]')]
        .find((field) => field.querySelector('dt')?.textContent === label)
        ?.querySelector('dd')?.textContent;
    await waitFor(() => expect(value('Status')).toBe('✓Verified'));
    const id = within(detail).getByText(/^[0-9a-f-]{36}$/).textContent!;
    const event = await client.getEvent(id);
    const head = await client.getTreeHead();
    expect(value('Leaf index')).toBe(new Intl.NumberFormat().format(event.sequence!));
    expect(value('Tree size')).toBe(new Intl.NumberFormat().format(head.tree_size));
    expect(value('Root hash')).toBe(head.root_hash);
    expect(value('Signing key')).toBe(head.key_id);
    // Heads are signed when asked for: the shown one is no newer than the one asked for now.
    const signed = proof.querySelector('time')?.getAttribute('datetime') ?? '';
    expect(Date.parse(signed)).toBeLessThanOrEqual(Date.parse(head.timestamp));
  });

  it('speaks German with the German catalog', async () => {
    const server = await testServer();
    const client = await signedInClient(server, 'viewer', 'acme');
    const newest = (await client.queryEvents({}, { size: 1 })).items[0]!;
    (server.store as MemoryStore).editStoredEvents('acme', (rows) => {
      rows.find((row) => row.id === newest.id)!.description = 'umgeschrieben';
    });
    render(
      <AuditLogViewer hide={{ charts: true }} pageSize={20} labels={AUDIT_LABELS_DE} locale="de" />,
      { wrapper: wrapperFor(client) },
    );
    await settled();
    expect(screen.getByRole('columnheader', { name: 'Integrität' })).toBeTruthy();
    expect((await findBanner()).textContent).toContain(
      '1 Ereignis auf dieser Seite hat die Prüfung nicht bestanden (1 verändert).',
    );
    expect(marks()[0]).toMatch(/^Fehlgeschlagen/);
  });
});
