// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuditLogTable } from '../../../src/components/table/index.js';
import { makeEvent } from '../../fixtures/events.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};

describe('default columns', () => {
  it('cut a huge value to what one row can show, so the browser never lays out a megabyte', () => {
    const huge = 'A'.repeat(1_048_576);
    const word = 'x'.repeat(100_000);
    render(
      <AuditLogTable
        events={[
          makeEvent(0, { description: huge, resource_id: word, user_id: word, action: word }),
        ]}
      />,
    );
    const row = screen
      .getAllByRole('row')
      .find((candidate) => candidate.closest('[data-part="body"]'))!;
    const cut = [...row.querySelectorAll('[data-part="value"][data-state="truncated"]')];
    expect(cut.map((value) => value.textContent!.length)).toEqual([301, 301, 301, 301]);
    for (const value of cut) expect(value.textContent!.endsWith('…')).toBe(true);
    expect(row.textContent!.length).toBeLessThan(2000);
  });
});
