// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExpandableText } from '../../../src/components/format/expandable-text.js';
import { LongText } from '../../../src/components/format/long-text.js';
import { truncateText } from '../../../src/components/format/truncate-text.js';
import { DEFAULT_LABELS } from '../../../src/components/ui/labels.js';

describe('truncateText', () => {
  it('keeps text that fits and marks a cut with an ellipsis', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcdef', 3)).toBe('abc…');
  });

  it('never splits a character made of two UTF-16 units', () => {
    // Each 😀 is a surrogate pair: a cut after three units would leave half of the second.
    expect(truncateText('😀😀😀', 3)).toBe('😀…');
  });
});

describe('LongText', () => {
  it('renders at most `limit` characters of a value, as text, isolated', () => {
    const text = `<b>${'A'.repeat(1_048_576)}`;
    const { container } = render(<LongText text={text} limit={300} />);
    const value = container.querySelector('[data-part="value"]')!;
    expect(value.textContent).toBe(`${text.slice(0, 300)}…`);
    expect(value.getAttribute('data-state')).toBe('truncated');
    expect(value.getAttribute('dir')).toBe('auto');
    expect(value.children).toHaveLength(0);
  });

  it('renders a short value whole', () => {
    const { container } = render(<LongText text="short" limit={300} />);
    const value = container.querySelector('[data-part="value"]')!;
    expect(value.textContent).toBe('short');
    expect(value.getAttribute('data-state')).toBe('complete');
  });
});

describe('ExpandableText', () => {
  it('reveals the rest of a cut value on request and hides it again', async () => {
    const user = userEvent.setup();
    const text = 'x'.repeat(12_345);
    const { container } = render(
      <ExpandableText text={text} limit={100} labels={DEFAULT_LABELS} />,
    );
    const value = container.querySelector('[data-part="value"]')!;
    expect(value.textContent).toBe(`${'x'.repeat(100)}…`);

    const reveal = screen.getByRole('button', { name: 'Show all 12,345 characters' });
    expect(reveal.getAttribute('aria-expanded')).toBe('false');
    expect(reveal.getAttribute('aria-controls')).toBe(value.id);
    await user.click(reveal);
    expect(value.textContent).toBe(text);
    expect(container.firstElementChild!.getAttribute('data-state')).toBe('expanded');

    await user.click(screen.getByRole('button', { name: 'Show less' }));
    expect(value.textContent).toBe(`${'x'.repeat(100)}…`);
  });

  it('offers nothing for a value that fits', () => {
    render(<ExpandableText text="short" limit={100} labels={DEFAULT_LABELS} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
