import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AuditEventDetail,
  AuditLogTable,
  AuditUiProvider,
  type AuditNameResolver,
} from 'audit-log-sdk/components';
import { expect, waitFor, within } from 'storybook/test';
import { makeStoryEvents } from '../test/fixtures/events.js';

const events = makeStoryEvents(8);

// Long enough to be cut: it stays on one line, whole in its tooltip.
const LONG_NAME = 'Dr. Maximiliane Alexandra von und zu Hohenzollern-Sigmaringen-Württemberg';
const PEOPLE: Record<string, string> = {
  'user-0': 'Alice Archer',
  'user-1': 'Bob Baker',
  'user-2': LONG_NAME,
};

/** A host's directory: user-3 and up are unknown to it and show as their ids. */
const resolveActors: AuditNameResolver = async (ids) =>
  Object.fromEntries(
    ids
      .filter((id) => id in PEOPLE)
      .map((id) => [id, { name: PEOPLE[id]!, href: `https://people.example/${id}` }]),
  );
const resolveResources: AuditNameResolver = async (ids) =>
  Object.fromEntries(ids.map((id) => [id, { name: `Quarterly ${id.replace('-', ' #')}` }]));

function Named() {
  return (
    <AuditUiProvider resolveActors={resolveActors} resolveResources={resolveResources}>
      <AuditLogTable events={events} initialHeight={320} />
      <AuditEventDetail event={events[2]!} />
    </AuditUiProvider>
  );
}

const meta = {
  title: 'Components/Names',
  component: Named,
  // Inside an AuditLogProvider: names are cached per server, tenant and login.
  parameters: { audit: { events: 0 } },
} satisfies Meta<typeof Named>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The table and the detail with a host's names for users and resources; unknown ids stay. */
export const TableAndDetail: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByText('Alice Archer').length).toBeGreaterThan(0));
    await expect(canvas.getAllByText('user-3').length).toBeGreaterThan(0);
    const link = await canvas.findByRole('link', { name: LONG_NAME });
    await expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    const name = link.closest('[data-ui="name"]')!;
    await expect(name.getAttribute('title')).toBe(`${LONG_NAME} (id user-2)`);
    // One line: in the table's narrow user cell the long name is cut, never wrapped.
    const cell = canvas
      .getAllByTitle(`${LONG_NAME} (id user-2)`)
      .find((name) => name.closest('[data-column="user"]'))!;
    const text = cell.querySelector('[data-part="value"]')!;
    await expect(text.scrollWidth).toBeGreaterThan(text.clientWidth);
    await expect(text.getBoundingClientRect().height).toBeLessThan(30);
  },
};
