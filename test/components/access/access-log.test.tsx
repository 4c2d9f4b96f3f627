// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogClient, AuditLogEventInput } from '../../../src/client/index.js';
import { AccessLog } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';

Element.prototype.scrollTo ??= function scrollTo() {};

let minutesAgo = 10;
const record = (
  userId: string,
  action: string,
  metadata: Record<string, unknown>,
): AuditLogEventInput => ({
  // One minute apart, in the order written, so newest first is a known order.
  timestamp: new Date(Date.now() - minutesAgo-- * 60_000).toISOString(),
  event_type: 'data_access',
  severity: 'info',
  action,
  resource_type: 'audit_log',
  user_id: userId,
  description: `${userId} ${action}`,
  metadata,
});

/** Cell text by column id, for the rows whose "Who" cell starts with `who`. */
function rowsOf(who: string) {
  return screen
    .getAllByRole('row')
    .filter((row) => row.closest('[data-part="body"]'))
    .map((row) =>
      Object.fromEntries(
        [...row.querySelectorAll<HTMLElement>('[data-part="cell"]')].map((cell) => [
          cell.dataset.column ?? '',
          cell.textContent ?? '',
        ]),
      ),
    )
    .filter((cells) => cells['user']?.startsWith(who));
}

let server: AuditLogTestServer;
let manager: AuditLogClient;

beforeAll(async () => {
  server = await testServer();
  const writer = await signedInClient(server, 'writer', 'acme');
  await writer.createEventsBatch([
    record('viewer:dana', 'audit_log.query', {
      filters: { severities: ['error'], search: 'login' },
      result_count: 12,
      session_kind: 'viewer',
    }),
    record('viewer:dana', 'audit_log.export', {
      filters: {},
      result_count: 40,
      format: 'csv',
      session_kind: 'viewer',
    }),
    record('viewer:dana', 'audit_log.view_event', {
      event_id: 'evt-123',
      session_kind: 'viewer',
    }),
    // Metadata of the wrong shape is shown as missing, not trusted and not fatal.
    record('api_key:alk_ab12', 'audit_log.query', {
      filters: 'everything',
      result_count: 'lots',
      session_kind: 'api_key',
    }),
    // Neither of these is an access record.
    { ...record('viewer:dana', 'document.read', {}), resource_type: 'document' },
    { ...record('viewer:dana', 'audit_log.query', {}), event_type: 'user_action' },
  ]);
  manager = await signedInClient(server, 'manager', 'acme');
});

describe('AccessLog', () => {
  it('lists who read, what, for which query, how many rows and in which format', async () => {
    render(<AccessLog principal="viewer:dana" />, { wrapper: wrapperFor(manager) });
    await waitFor(() => expect(rowsOf('dana')).toHaveLength(3));
    const rows = rowsOf('dana');
    expect(rows.map((row) => row['action'])).toEqual([
      'Opened an event',
      'Exported',
      'Listed events',
    ]);
    expect(rows.map((row) => row['access_query'])).toEqual([
      'Event evt-123',
      'All events',
      'Severity: Error; Search: login',
    ]);
    expect(rows.map((row) => row['access_rows'])).toEqual(['—', '40', '12']);
    expect(rows.map((row) => row['access_format'])).toEqual(['—', 'CSV', '—']);
    expect(rows[0]!['user']).toBe('dana (Viewer session)');
    expect(screen.getByRole('columnheader', { name: 'Who' })).toBeTruthy();
    // The columns an access record does not need start hidden.
    expect(screen.queryByRole('columnheader', { name: 'Severity' })).toBeNull();
  });

  it('shows a record with metadata of the wrong shape with its fields missing', async () => {
    render(<AccessLog principal="api_key:alk_ab12" />, { wrapper: wrapperFor(manager) });
    await waitFor(() => expect(rowsOf('alk_ab12')).toHaveLength(1));
    const [row] = rowsOf('alk_ab12');
    expect(row).toMatchObject({
      user: 'alk_ab12 (API key)',
      access_query: 'All events',
      access_rows: '—',
    });
  });

  it('takes its words from the label catalog', async () => {
    render(
      <AccessLog
        principal="viewer:dana"
        labels={{ accessWho: 'Reader', accessActions: { export: 'Downloaded' } }}
      />,
      { wrapper: wrapperFor(manager) },
    );
    await waitFor(() => expect(rowsOf('dana')).toHaveLength(3));
    expect(screen.getByRole('columnheader', { name: 'Reader' })).toBeTruthy();
    expect(rowsOf('dana').map((row) => row['action'])).toContain('Downloaded');
    expect(rowsOf('dana').map((row) => row['action'])).toContain('Listed events');
  });

  it('says so when no one has read the log', async () => {
    render(<AccessLog principal="viewer:nobody" />, { wrapper: wrapperFor(manager) });
    expect(await screen.findByText('No one has read this log yet.')).toBeTruthy();
  });
});
