// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuditLogTable, AuditUiProvider } from '../../../src/components/index.js';
import { makeEvents } from '../../fixtures/events.js';

describe('AuditLogTable labels', () => {
  it('takes its settings and selection strings from the shared labels', async () => {
    const events = makeEvents(2);
    render(
      <AuditUiProvider
        labels={{
          columnSettings: 'Spalten',
          moveColumnUp: (c) => `${c} nach oben`,
          compactRows: 'Kompakte Zeilen',
          selectAllRows: 'Alle auswählen',
          selectRow: (id) => `${id} auswählen`,
        }}
      >
        <AuditLogTable events={events} showSettings selectable />
      </AuditUiProvider>,
    );
    expect(screen.getByRole('button', { name: 'Kompakte Zeilen' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Alle auswählen' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: `${events[0]!.id} auswählen` })).toBeTruthy();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Spalten' }));
    expect(screen.getAllByRole('button', { name: /nach oben$/ }).length).toBeGreaterThan(0);
  });
});
