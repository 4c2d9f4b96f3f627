// @vitest-environment jsdom
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogQueryInput } from '../../src/client/index.js';
import {
  AuditLogFilters,
  formatAuditUrlState,
  parseAuditUrlState,
} from '../../src/components/filters/index.js';
import { useAuditEvents } from '../../src/hooks/index.js';
import { createAuditLogTestServer } from '../../src/server/index.js';
import { MemoryStore } from '../../src/server/store/memory-store.js';
import type { AuditStore } from '../../src/server/store/types.js';
import type * as FieldTable from '../../src/contract/field-table.js';
import { signedInClient, wrapperFor } from '../hooks/setup.js';

// The one change under test: a list filter added as one row of the field table, and no
// other file touched. Every layer below must pick it up from the table alone.
vi.mock('../../src/contract/field-table.js', async (importOriginal) => {
  const original = await importOriginal<typeof FieldTable>();
  return {
    ...original,
    FILTER_FIELDS: {
      ...original.FILTER_FIELDS,
      user_agents: {
        field: 'user_agent',
        kind: 'text',
        sortable: false,
        searchable: false,
        facetable: true,
      },
    },
  };
});

const AGENT = 'field-table-probe/1.0';
const LINK = `?user_agents=${encodeURIComponent(AGENT)}&user_agents=${'x'.repeat(300)}&page=2`;

const stores: [string, () => Promise<AuditStore>][] = [
  ['memory', async () => new MemoryStore()],
  [
    'sqlite',
    async () => {
      const { SqliteStore } = await import('../../demo/server/sqlite-store.js');
      return new SqliteStore(':memory:');
    },
  ],
  [
    'postgres',
    async () => {
      const { openTestPgStore } = await import('../support/pg-test-store.js');
      return openTestPgStore();
    },
  ],
];

describe('a list filter added as one field-table row', () => {
  it('is read from a link, leniently, and written back to one', () => {
    const state = parseAuditUrlState(LINK);
    // The overlong value is one the API would refuse, so the link drops it.
    expect(state.query).toEqual({ user_agents: [AGENT] });
    expect(state.page).toBe(2);
    expect(new URLSearchParams(formatAuditUrlState(state)).getAll('user_agents')).toEqual([AGENT]);
  });

  it.each(stores)(
    'narrows the events the hooks load through the client and the server (%s store)',
    async (_, makeStore) => {
      const server = await createAuditLogTestServer({
        store: await makeStore(),
        seed: { eventsPerTenant: 30 },
      });
      const client = await signedInClient(server, 'admin', 'acme');
      const event = {
        event_type: 'api_call',
        resource_type: 'report',
        action: 'download',
        severity: 'info',
        description: 'probe',
      } as const;
      await client.createEventsBatch([
        { ...event, user_agent: AGENT },
        { ...event, user_agent: AGENT },
        { ...event, user_agent: 'another-agent/2.0' },
      ]);

      const { query } = parseAuditUrlState(LINK);
      const { result } = renderHook(() => useAuditEvents(query), {
        wrapper: wrapperFor(client),
      });
      await waitFor(() => expect(result.current.isSuccess).toBe(true));
      expect(result.current.data!.total).toBe(2);
      expect(result.current.data!.items.map((e) => e.user_agent)).toEqual([AGENT, AGENT]);

      // The server holds the new list to the contract like any other.
      await expect(
        client.queryEvents({ user_agents: [''] } as AuditLogQueryInput),
      ).rejects.toMatchObject({ name: 'ValidationError' });
    },
  );

  it('gets a text field in the filter bar and a removable chip', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(query: AuditLogQueryInput) => void>();
    const { query } = parseAuditUrlState(LINK);
    const { rerender } = render(
      <AuditLogFilters value={query} onChange={onChange} debounceMs={0} />,
    );
    const chip = screen.getByRole('button', { name: `Remove filter: user_agents: ${AGENT}` });
    await user.click(chip);
    expect(onChange).toHaveBeenLastCalledWith({});

    rerender(<AuditLogFilters value={{}} onChange={onChange} debounceMs={0} />);
    await user.type(screen.getByRole('textbox', { name: 'user_agents' }), 'curl');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({ user_agents: ['curl'] } as AuditLogQueryInput),
    );
  });
});
