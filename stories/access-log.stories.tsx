import type { Meta, StoryObj } from '@storybook/react-vite';
import { AccessLog } from 'audit-log-sdk/components';
import { expect, within } from 'storybook/test';
import { expectWithinCanvas, partOf } from './support/hostile-checks.js';

const meta = {
  title: 'Components/AccessLog',
  component: AccessLog,
  args: {},
  parameters: { audit: { events: 20, accessRecords: true } },
} satisfies Meta<typeof AccessLog>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Who read the log: a host's viewer listed, opened and exported; an API key read the summary. */
export const Records: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('Severity: Error; Severity: Critical; Search: login'),
    ).toBeVisible();
    await expect(canvas.getByText('Exported')).toBeVisible();
    await expect(canvas.getByText('CSV')).toBeVisible();
    await expect(canvas.getByText('340')).toBeVisible();
    await expect(canvas.getByText('Event evt_0001')).toBeVisible();
    await expect(canvas.getByText('Viewed the summary')).toBeVisible();
  },
};

/** One principal's reads only. */
export const OnePrincipal: Story = {
  args: { principal: 'api_key:alk_3f9a' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Viewed the summary')).toBeVisible();
    await expect(canvas.queryByText('Exported')).toBeNull();
  },
};

export const Empty: Story = {
  args: { principal: 'viewer:nobody' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No one has read this log yet.'),
    ).toBeVisible();
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Exported')).toBeVisible();
  },
};

export const Narrow: Story = {
  parameters: { width: 360 },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Exported');
    await expectWithinCanvas(partOf(canvasElement, 'access-log'), canvasElement);
  },
};
