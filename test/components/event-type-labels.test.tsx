// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogSummary } from '../../src/client/index.js';
import {
  AuditEventDetail,
  AuditLogFilters,
  AuditLogTable,
  AuditUiProvider,
} from '../../src/components/index.js';
import { EventTypeChart } from '../../src/components/charts/index.js';
import { makeEvent } from '../fixtures/events.js';

const summary: AuditLogSummary = {
  total_count: 4,
  event_types: { data_access: 3, user_action: 1 },
  severities: { info: 4 },
  resource_types: { document: 4 },
  date_range: { start: null, end: null },
};

describe('event type names', () => {
  it('read as words in the table and the detail, with the raw value kept for scripts', () => {
    const event = makeEvent(0, { event_type: 'data_access' });
    render(
      <>
        <AuditLogTable events={[event]} />
        <AuditEventDetail event={event} />
      </>,
    );
    const cell = screen.getAllByRole('gridcell').find((c) => c.textContent === 'Data access')!;
    expect(cell.querySelector('[data-value="data_access"]')).toBeTruthy();
    expect(within(screen.getByRole('article')).getByText('Data access')).toBeTruthy();
    expect(screen.queryByText('data_access')).toBeNull();
  });

  it('follow one override on the provider everywhere: table, detail, chart and filters', () => {
    const event = makeEvent(0, { event_type: 'data_access' });
    render(
      <AuditUiProvider labels={{ eventTypes: { data_access: 'Lesezugriff' } }}>
        <AuditLogTable events={[event]} />
        <AuditEventDetail event={event} />
        <EventTypeChart summary={summary} />
        <AuditLogFilters summary={summary} onChange={vi.fn()} />
      </AuditUiProvider>,
    );
    expect(screen.getAllByRole('gridcell').some((cell) => cell.textContent === 'Lesezugriff')).toBe(
      true,
    );
    expect(within(screen.getByRole('article')).getByText('Lesezugriff')).toBeTruthy();
    const chart = screen.getByRole('table', { name: 'Events by type' });
    expect(within(chart).getByRole('rowheader', { name: 'Lesezugriff' })).toBeTruthy();
    const types = screen.getByRole('group', { name: 'Event types' });
    expect(within(types).getByRole('checkbox', { name: /^Lesezugriff/ })).toBeTruthy();
  });
});
