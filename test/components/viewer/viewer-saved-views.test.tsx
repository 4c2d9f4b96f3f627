// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AuditLogViewer,
  memorySavedViewStorage,
  type SavedView,
  type SavedViewStorage,
} from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 120 } });
});

const DAY = 86_400_000;
const timeRange = () =>
  document.querySelector<HTMLButtonElement>('[data-part="time-range-trigger"]')!;
const matchCount = () => document.querySelector('[data-part="match-count"]')?.textContent ?? '';

describe('saved views in the viewer', () => {
  it('saves the view on screen with its relative range as written, into the host’s storage, and recalls it', async () => {
    const user = userEvent.setup();
    const client = await signedInClient(server, 'viewer', 'acme');
    const kept: SavedView[] = [];
    const memory = memorySavedViewStorage();
    // The host's storage: every saved view is seen as the host's server would receive it.
    const storage: SavedViewStorage = {
      list: () => memory.list(),
      save: (view) => {
        kept.push(view);
        return memory.save(view);
      },
      remove: (id) => memory.remove(id),
    };
    render(<AuditLogViewer hide={{ charts: true }} savedViews={storage} />, {
      wrapper: wrapperFor(client),
    });
    const all = (await client.queryEvents({})).total;
    await waitFor(() => expect(matchCount()).toBe(`${all} events`), { timeout: 5000 });

    // The top bar's menus arrive through import(), after the rows.
    await user.click(await screen.findByRole('button', { name: 'All time' }, { timeout: 10_000 }));
    const ranges = () => within(screen.getByRole('dialog', { name: 'Time range' }));
    await user.click(ranges().getByRole('button', { name: 'Last 24 hours' }));
    const lastDay = (
      await client.queryEvents({ start_date: new Date(Date.now() - DAY).toISOString() })
    ).total;
    await waitFor(() => expect(matchCount()).toBe(`${lastDay} events`), { timeout: 5000 });

    const trigger = await screen.findByRole('button', { name: 'Saved views' }, { timeout: 10_000 });
    await user.click(trigger);
    const panel = screen.getByRole('dialog', { name: 'Saved views' });
    await user.type(within(panel).getByRole('textbox', { name: 'View name' }), 'Today{Enter}');
    await within(panel).findByRole('button', { name: 'Today' }, { timeout: 5000 });
    expect(kept.map((view) => view.query)).toEqual([
      { last: '24h', sort_by: 'timestamp', sort_order: 'desc' },
    ]);

    // Another range, then the view again: the relative range comes back, not a date.
    await user.click(timeRange());
    await user.click(ranges().getByRole('button', { name: 'All time' }));
    await waitFor(() => expect(matchCount()).toBe(`${all} events`), { timeout: 5000 });
    await user.click(trigger);
    await user.click(within(panel).getByRole('button', { name: 'Today' }));
    expect(panel.hidden).toBe(true);
    expect(timeRange().textContent).toBe('Last 24 hours');
    await waitFor(() => expect(matchCount()).toBe(`${lastDay} events`), { timeout: 5000 });
  }, 30_000);
});
