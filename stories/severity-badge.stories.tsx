import type { Meta, StoryObj } from '@storybook/react-vite';
import { SeverityBadge } from 'audit-log-sdk/components';
import { expect, within } from 'storybook/test';

const meta = {
  title: 'Components/SeverityBadge',
  component: SeverityBadge,
  args: { severity: 'critical' },
} satisfies Meta<typeof SeverityBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Critical: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Critical')).toBeVisible();
  },
};
