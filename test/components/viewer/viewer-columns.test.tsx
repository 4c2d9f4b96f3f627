// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSV_COLUMNS } from '../../../src/contract/schemas/index.js';
import { AuditLogViewer } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { readBlobText, signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';

const STORAGE_KEY = 'audit-log-sdk:viewer-table';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 30 } });
});

// jsdom has no object URLs and no downloads: the saved file is caught where it is handed over.
let saved: Blob[] = [];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    saved.push(blob as Blob);
    return 'blob:export';
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

const grid = () => screen.findByRole('grid', {}, { timeout: 5000 });
const headerTexts = async () =>
  within(await grid())
    .getAllByRole('columnheader')
    .map((header) => header.textContent);

async function renderViewer(syncUrl = false) {
  const client = await signedInClient(server, 'manager', 'acme');
  render(<AuditLogViewer hide={{ charts: true, liveTail: true }} syncUrl={syncUrl} />, {
    wrapper: wrapperFor(client),
  });
  await grid();
}

/** Exports as CSV through the toolbar and answers the file's header row. */
async function exportedHeader(): Promise<string[]> {
  const toolbar = document.querySelector<HTMLElement>('[data-part="export-button"]')!;
  await userEvent.setup().click(within(toolbar).getByRole('button', { name: 'Export' }));
  // The file alone: its signed manifest waits behind a link of its own.
  await within(toolbar).findByRole('link', { name: 'Save the signed manifest' }, { timeout: 5000 });
  expect(saved).toHaveLength(1);
  const text = await readBlobText(saved[0]);
  return text.slice(0, text.indexOf('\r\n')).split(',');
}

async function hideColumn(name: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Columns' }));
  await user.click(screen.getByRole('checkbox', { name }));
  await user.keyboard('{Escape}');
}

describe('AuditLogViewer columns', () => {
  it('exports every field while the table shows its default columns', async () => {
    await renderViewer();
    expect(await exportedHeader()).toEqual([...CSV_COLUMNS]);
  });

  it('leaves a column hidden through the column settings out of the CSV export', async () => {
    await renderViewer();
    await hideColumn('IP address');
    expect(await headerTexts()).not.toContain('IP address');
    expect(await exportedHeader()).toEqual([
      'timestamp',
      'severity',
      'event_type',
      'action',
      'resource_type',
      'resource_id',
      'user_id',
      'description',
    ]);
  });

  it('exports the columns in the order the table shows them', async () => {
    await renderViewer();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('button', { name: 'Move Severity up' }));
    expect((await headerTexts()).slice(0, 3)).toEqual(['Integrity', 'Severity', 'Time']);
    expect((await exportedHeader()).slice(0, 2)).toEqual(['severity', 'timestamp']);
  });

  it('shows only the columns a link names, and exports just those', async () => {
    window.history.replaceState(null, '', '/?columns=time&columns=severity');
    await renderViewer(true);
    expect(await headerTexts()).toEqual(['Time', 'Severity']);
    expect(await exportedHeader()).toEqual(['timestamp', 'severity']);
  });

  it('writes the chosen columns to the URL, and drops them once the view is the default again', async () => {
    await renderViewer(true);
    await hideColumn('IP address');
    const columns = () => new URLSearchParams(window.location.search).getAll('columns');
    expect(columns()).toEqual([
      'integrity',
      'time',
      'severity',
      'event_type',
      'action',
      'resource',
      'user',
      'description',
    ]);
    await hideColumn('IP address');
    expect(columns()).toEqual([]);
  });

  it('follows the URL over the columns this browser remembers, and those over the defaults', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ visibility: { user: false }, order: [] }));
    window.history.replaceState(null, '', '/?columns=action');
    await renderViewer(true);
    expect(await headerTexts()).toEqual(['Action']);
    // A link does not overwrite what the user chose before.
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual({
      visibility: { user: false },
      order: [],
    });
  });

  it('restores the remembered columns when the URL names none', async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ visibility: { user: false }, order: [] }));
    await renderViewer(true);
    expect(await headerTexts()).not.toContain('User');
    expect(await exportedHeader()).not.toContain('user_id');
  });

  it('follows the columns of a URL the browser goes back or forward to', async () => {
    await renderViewer(true);
    act(() => {
      window.history.pushState(null, '', '/?columns=user&columns=time');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(async () => expect(await headerTexts()).toEqual(['User', 'Time']));
  });

  it('remembers a change for the next visit', async () => {
    const first = await signedInClient(server, 'manager', 'acme');
    const view = render(<AuditLogViewer hide={{ charts: true, liveTail: true }} />, {
      wrapper: wrapperFor(first),
    });
    await grid();
    await hideColumn('Action');
    view.unmount();
    await renderViewer();
    expect(await headerTexts()).not.toContain('Action');
  });
});
