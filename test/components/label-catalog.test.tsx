// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { AUDIT_LABELS_DE } from '../../src/components/ui/locales/de.js';
import { describe, expect, it, vi } from 'vitest';
import type { AuditLogSummary } from '../../src/client/index.js';
import {
  AuditLogFilters,
  AuditLogTable,
  AuditUiProvider,
  DEFAULT_LABELS,
  type AuditLabels,
} from '../../src/components/index.js';
import { EventVolumeChart, SeverityBreakdownChart } from '../../src/components/charts/index.js';
import { mergeLabels } from '../../src/components/ui/labels.js';
import { STORY_SUMMARY, makeEvents } from '../fixtures/events.js';

// jsdom has no layout and no Element#scrollTo; scrolling is a no-op here.
Element.prototype.scrollTo ??= function scrollTo() {};

const summary: AuditLogSummary = STORY_SUMMARY;

/** The page a host would build: filters, two charts and the table, and a language switch. */
function Page() {
  const [german, setGerman] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setGerman((on) => !on)}>
        switch language
      </button>
      <AuditUiProvider
        {...(german ? { labels: AUDIT_LABELS_DE } : {})}
        locale={german ? 'de' : 'en'}
        timeZone="UTC"
      >
        <AuditLogFilters summary={summary} onChange={vi.fn()} />
        <SeverityBreakdownChart summary={summary} width={400} />
        <EventVolumeChart summary={summary} interval="hour" width={400} />
        <AuditLogTable events={makeEvents(1)} showSettings />
      </AuditUiProvider>
    </>
  );
}

describe('one label catalog', () => {
  it('translates the filters, the charts and the table together when the provider switches to German', async () => {
    const user = userEvent.setup();
    render(<Page />);
    expect(screen.getByRole('group', { name: 'Time range' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Events by severity' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'switch language' }));

    // Filters: legends, presets, option names and the text fields.
    expect(screen.getByRole('group', { name: 'Zeitraum' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Letzte Stunde' })).toBeTruthy();
    const severities = screen.getByRole('group', { name: 'Schweregrade' });
    expect(within(severities).getByRole('checkbox', { name: /^Kritisch/ })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Suche' })).toBeTruthy();
    // Charts: titles, and the category names of their tables.
    expect(screen.getByRole('figure', { name: 'Ereignisse nach Schweregrad' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Ereignisvolumen' })).toBeTruthy();
    const breakdown = screen.getByRole('table', { name: 'Ereignisse nach Schweregrad' });
    expect(within(breakdown).getByRole('rowheader', { name: 'Warnung' })).toBeTruthy();
    // Table: headers and its settings.
    expect(
      within(screen.getByRole('grid')).getByRole('columnheader', { name: /^Schweregrad/ }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Spalten' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kompakte Zeilen' })).toBeTruthy();
    // Nothing English is left in the filters and charts.
    for (const english of ['Time range', 'Last hour', 'Severities', 'Events by severity']) {
      expect(screen.queryByText(english)).toBeNull();
    }
  });

  it("lays a part's own labels over the provider's, and an inner provider over an outer one", () => {
    render(
      <AuditUiProvider labels={AUDIT_LABELS_DE}>
        <AuditUiProvider labels={{ filters: { presets: { '1h': '60 Minuten' } } }}>
          <AuditLogFilters
            summary={summary}
            onChange={vi.fn()}
            labels={{ clearAll: 'Zurücksetzen' }}
          />
          <SeverityBreakdownChart
            summary={summary}
            width={400}
            labels={{ severityBreakdown: 'Nach Stufe' }}
          />
        </AuditUiProvider>
      </AuditUiProvider>,
    );
    expect(screen.getByRole('button', { name: '60 Minuten' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Letzte 15 Minuten' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zurücksetzen' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Nach Stufe' })).toBeTruthy();
    expect(
      within(screen.getByRole('table', { name: 'Nach Stufe' })).getByRole('rowheader', {
        name: 'Kritisch',
      }),
    ).toBeTruthy();
  });

  it('ships German with every string of the English catalog, and no English left in it', () => {
    const paths = (labels: object, prefix = ''): string[] =>
      Object.entries(labels).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null
          ? paths(value as object, `${prefix}${key}.`)
          : [`${prefix}${key}`],
      );
    expect(paths(AUDIT_LABELS_DE).sort()).toEqual(paths(DEFAULT_LABELS).sort());
    // Words that read the same in both languages; everything else must differ.
    const same = new Set([
      'none',
      'exportFormat',
      'exportCsv',
      'exportJson',
      'liveTail',
      'severities.info',
      'severities.debug',
    ]);
    const at = (labels: AuditLabels, path: string) =>
      path
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], labels);
    const untranslated = paths(DEFAULT_LABELS).filter((path) => {
      const english = at(DEFAULT_LABELS, path);
      const german = at(AUDIT_LABELS_DE, path);
      if (typeof english === 'function') {
        const sample = [3, 1, 9, 2].map(String);
        return (
          (english as (...a: unknown[]) => string)(...sample.map(Number)) ===
          (german as (...a: unknown[]) => string)(...sample.map(Number))
        );
      }
      return english === german && !same.has(path);
    });
    expect(untranslated).toEqual([]);
  });

  it('merges name by name at any depth, and drops names the catalog does not have', () => {
    const merged = mergeLabels(DEFAULT_LABELS, {
      severities: { critical: 'Sev 1' },
      charts: { noData: 'Nothing' },
      // @ts-expect-error -- not a label: a typo must not reach the catalog
      severites: { critical: 'x' },
    });
    expect(merged.severities).toEqual({ ...DEFAULT_LABELS.severities, critical: 'Sev 1' });
    expect(merged.charts.eventVolume).toBe('Event volume');
    expect(merged.charts.noData).toBe('Nothing');
    expect('severites' in merged).toBe(false);
    expect(DEFAULT_LABELS.severities.critical).toBe('Critical');
  });
});
