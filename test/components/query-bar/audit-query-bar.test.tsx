// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogClient, AuditLogEvent } from '../../../src/client/index.js';
import {
  AuditQueryBar,
  ConnectedAuditQueryBar,
  type QueryBarValue,
} from '../../../src/components/query-bar/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

let client: AuditLogClient;
let events: AuditLogEvent[];

beforeAll(async () => {
  const server = await testServer();
  client = await signedInClient(server, 'viewer', 'acme');
  events = await client.listEvents({}, { limit: 1000 });
});

function Bar({
  initial = {},
  onChange,
  connected = false,
}: {
  initial?: QueryBarValue;
  onChange: (query: QueryBarValue) => void;
  connected?: boolean;
}) {
  const [query, setQuery] = useState<QueryBarValue>(initial);
  const change = (next: QueryBarValue) => {
    setQuery(next);
    onChange(next);
  };
  return connected ? (
    <ConnectedAuditQueryBar value={query} onChange={change} />
  ) : (
    <AuditQueryBar value={query} onChange={change} />
  );
}

const combobox = () => screen.getByRole('combobox', { name: 'Query' });
const listbox = () => screen.getByRole('listbox', { hidden: true });
const options = () => within(listbox()).queryAllByRole('option');

describe('AuditQueryBar', () => {
  it('completes a field name, then a value from the counts, with the keyboard alone', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Bar onChange={onChange} connected />, { wrapper: wrapperFor(client) });
    const input = combobox();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-controls')).toBe(listbox().id);

    await user.click(input);
    await user.keyboard('acti');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(options().map((option) => option.textContent)).toEqual(['action:']);
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect((input as HTMLInputElement).value).toBe('action:');

    // The values offered are the tenant's most frequent actions, with their counts.
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.action, (counts.get(event.action) ?? 0) + 1);
    const [top, count] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    await waitFor(() => expect(options()[0]?.textContent).toBe(`${top} ${count}`));
    await user.keyboard('{ArrowDown}{Enter}');
    expect((input as HTMLInputElement).value).toBe(`action:${top} `);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ actions: [top] });
  });

  it('applies exclusions, relative time and free text, keeping the sort', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Bar onChange={onChange} initial={{ sort_by: 'severity', search: 'old' }} />);
    const input = combobox();
    expect((input as HTMLInputElement).value).toBe('old');
    await user.clear(input);
    await user.type(input, '-severity:debug action:delete last:15m "project apollo"');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({
      sort_by: 'severity',
      exclude_severities: ['debug'],
      actions: ['delete'],
      last: '15m',
      search: 'project apollo',
    });
    // Read back in the language's own order.
    expect((input as HTMLInputElement).value).toBe(
      'action:delete -severity:debug last:15m "project apollo"',
    );
  });

  it('does not apply a text with errors: it underlines and explains each, until fixed', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Bar onChange={onChange} />);
    const input = combobox();
    await user.type(input, 'colour:red severity:loud');
    await user.keyboard('{Enter}');
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const problems = screen.getByRole('alert', { name: 'Problems in the query' });
    const items = within(problems).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-code'))).toEqual([
      'unknown_field',
      'invalid_value',
    ]);
    expect(items[0]!.textContent).toMatch(/^colour: There is no field "colour"/);
    expect(input.getAttribute('aria-describedby')).toContain(problems.id);
    const marks = document.querySelectorAll('[data-part="query-error-mark"]');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['colour', 'loud']);

    await user.clear(input);
    await user.type(input, 'severity:error');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ severities: ['error'] });
  });

  it('closes the list on Escape, and a second Escape puts back the applied query', async () => {
    const user = userEvent.setup();
    render(<Bar onChange={() => undefined} initial={{ user_ids: ['alice'] }} />);
    const input = combobox() as HTMLInputElement;
    expect(input.value).toBe('user_id:alice');
    await user.click(input);
    await user.keyboard('{End} sev');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('user_id:alice sev');
    await user.keyboard('{Escape}');
    expect(input.value).toBe('user_id:alice');
  });

  it('offers enum values by name, picked with the mouse too, and has no axe violations', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Bar onChange={onChange} />);
    await user.type(combobox(), '-level:');
    expect(options().map((option) => option.textContent)).toEqual([
      'Critical',
      'Error',
      'Warning',
      'Info',
      'Debug',
    ]);
    expect(await axeViolations(document.body)).toEqual([]);
    await user.click(within(listbox()).getByRole('option', { name: 'Debug' }));
    expect((combobox() as HTMLInputElement).value).toBe('-severity:debug ');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ exclude_severities: ['debug'] });
  });

  it('shows a query changed elsewhere (a facet, a chip) as its text', () => {
    const { rerender } = render(<AuditQueryBar value={{}} onChange={() => undefined} />);
    rerender(
      <AuditQueryBar
        value={{ exclude_actions: ['read'], start_date: new Date('2026-11-01T00:00:00Z') }}
        onChange={() => undefined}
      />,
    );
    expect((combobox() as HTMLInputElement).value).toBe('-action:read after:2026-11-01');
  });
});
