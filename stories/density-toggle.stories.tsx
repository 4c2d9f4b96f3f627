import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  DensityToggle,
  type AuditLogTableDensity,
  type DensityToggleProps,
} from 'audit-log-sdk/components';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';

/** The toggle with its density held here, as a table holds it. */
function Stateful(props: DensityToggleProps) {
  const [density, setDensity] = useState<AuditLogTableDensity>(props.density);
  return (
    <DensityToggle
      {...props}
      density={density}
      onDensityChange={(updater) => {
        setDensity(updater);
        props.onDensityChange(updater);
      }}
    />
  );
}

const meta = {
  title: 'Components/DensityToggle',
  component: DensityToggle,
  args: { density: 'comfortable', onDensityChange: fn() },
  render: (args) => <Stateful {...args} />,
} satisfies Meta<typeof DensityToggle>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Pressed means compact; pressing again goes back. */
export const Toggle: Story = {
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Compact rows' });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(args.onDensityChange).toHaveBeenLastCalledWith('compact');
    await userEvent.keyboard(' ');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(args.onDensityChange).toHaveBeenLastCalledWith('comfortable');
  },
};

export const Compact: Story = {
  args: { density: 'compact' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  },
};

export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { density: 'compact' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Compact rows' })).toBeVisible();
  },
};

export const OverriddenLabel: Story = {
  args: { label: 'Kompakte Zeilen' },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Kompakte Zeilen' }),
    ).toBeVisible();
  },
};
