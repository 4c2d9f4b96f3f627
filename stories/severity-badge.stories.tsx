import type { Meta, StoryObj } from '@storybook/react-vite';
import { AuditUiProvider, SeverityBadge } from 'audit-log-sdk/components';
import { expect, within } from 'storybook/test';

const meta = {
  title: 'Components/SeverityBadge',
  component: SeverityBadge,
  args: { severity: 'critical' },
} satisfies Meta<typeof SeverityBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The badge says its severity in words, so colour is never the only signal. */
const showsWord = (word: string): NonNullable<Story['play']> =>
  async function play({ canvasElement }) {
    const badge = within(canvasElement).getByText(word);
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('data-severity');
  };

export const Critical: Story = { play: showsWord('Critical') };

export const Error: Story = { args: { severity: 'error' }, play: showsWord('Error') };

export const Warning: Story = { args: { severity: 'warning' }, play: showsWord('Warning') };

export const Info: Story = { args: { severity: 'info' }, play: showsWord('Info') };

export const Debug: Story = { args: { severity: 'debug' }, play: showsWord('Debug') };

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { severity: 'warning' },
  play: showsWord('Warning'),
};

export const OverriddenLabels: Story = {
  decorators: [
    (Story) => (
      <AuditUiProvider labels={{ severities: { critical: 'Kritisch' } }}>
        <Story />
      </AuditUiProvider>
    ),
  ],
  play: showsWord('Kritisch'),
};
