// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuditLogFilters } from '../../../src/components/filters/index.js';

describe('filter chips for exclusions and relative time', () => {
  it('shows each exclusion and a relative range as a chip that removes it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const onLastChange = vi.fn();
    render(
      <AuditLogFilters
        value={{ actions: ['delete'], exclude_actions: ['read'], exclude_severities: ['debug'] }}
        onChange={onChange}
        last="24h"
        onLastChange={onLastChange}
      />,
    );
    const chips = within(screen.getByRole('group', { name: 'Active filters' })).getAllByRole(
      'button',
      { name: /^Remove filter: / },
    );
    expect(chips.map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'Remove filter: Time range: Last 24 hours',
      'Remove filter: Action: delete',
      'Remove filter: Severity: not Debug',
      'Remove filter: Action: not read',
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove filter: Action: not read' }));
    expect(onChange).toHaveBeenLastCalledWith({
      actions: ['delete'],
      exclude_severities: ['debug'],
    });
    await user.click(
      screen.getByRole('button', { name: 'Remove filter: Time range: Last 24 hours' }),
    );
    expect(onLastChange).toHaveBeenCalledWith(undefined);
  });

  it('names a relative range without a preset by its duration', () => {
    render(<AuditLogFilters value={{}} last="90m" />);
    expect(
      screen.getByRole('button', { name: 'Remove filter: Time range: Last 90m' }),
    ).toBeTruthy();
  });
});
