// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditLogClient } from '../../src/client/index.js';
import { ExportButton } from '../../src/components/index.js';
import type { ExportResult } from '../../src/hooks/index.js';
import type { AuditLogTestServer } from '../../src/server/index.js';
import { newClient, readBlobText, signedInClient, testServer, wrapperFor } from '../hooks/setup.js';
import { axeViolations } from './axe.js';

let server: AuditLogTestServer;
beforeAll(async () => {
  server = await testServer({ seed: { eventsPerTenant: 200 } });
});

/** The export button once the session's rights have arrived and it offers itself. */
async function readyExportButton() {
  const button = await screen.findByRole('button', { name: 'Export' });
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  return button;
}

describe('ExportButton', () => {
  it('exports exactly the current filters as CSV and hands over a file named for tenant and date', async () => {
    const client = await signedInClient(server, 'manager', 'acme');
    const onExported = vi.fn<(file: ExportResult & { blob: Blob }) => void>();
    const { container } = render(
      <ExportButton query={{ severities: ['warning'] }} onExported={onExported} />,
      {
        wrapper: wrapperFor(client),
      },
    );
    const button = await readyExportButton();
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await userEvent.setup().click(button);
    await waitFor(() => expect(onExported).toHaveBeenCalledTimes(1));
    const file = onExported.mock.calls[0]![0];
    expect(file.fileName).toMatch(/^audit-logs-acme-\d{4}-\d\d-\d\d\.csv$/);
    const rows = (await readBlobText(file.blob)).trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBe(
      (await client.queryEvents({ severities: ['warning'] }, { size: 1 })).total,
    );
    expect(rows.every((row) => row.includes(',warning,'))).toBe(true);
    expect(screen.getByRole('status').textContent).toContain(file.fileName);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('can follow the visible columns, in their order, keeping formulas neutralised', async () => {
    const client = await signedInClient(server, 'manager', 'initech');
    await client.createEvent({
      event_type: 'user_action',
      resource_type: 'sheet',
      action: 'import',
      severity: 'error',
      description: '=HYPERLINK("http://evil.example","click")',
    });
    const onExported = vi.fn<(file: ExportResult & { blob: Blob }) => void>();
    render(
      <ExportButton
        query={{ severities: ['error'], resource_types: ['sheet'] }}
        columns={['severity', 'time', 'description']}
        onExported={onExported}
      />,
      { wrapper: wrapperFor(client) },
    );
    const button = await readyExportButton();
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await userEvent.setup().click(button);
    await waitFor(() => expect(onExported).toHaveBeenCalled());
    const lines = (await readBlobText(onExported.mock.calls[0]![0].blob)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('severity,timestamp,description');
    expect(lines[1]).toMatch(
      /^error,\d{4}-\d\d-\d\dT[^,]+Z,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)"$/,
    );
  });

  it('exports JSON when chosen', async () => {
    const client = await signedInClient(server, 'admin', 'acme');
    const onExported = vi.fn<(file: ExportResult & { blob: Blob }) => void>();
    render(<ExportButton query={{ severities: ['critical'] }} onExported={onExported} />, {
      wrapper: wrapperFor(client),
    });
    const user = userEvent.setup();
    const button = await readyExportButton();
    await user.selectOptions(screen.getByLabelText('Format'), 'json');
    await user.click(button);
    await waitFor(() => expect(onExported).toHaveBeenCalled());
    const doc = JSON.parse(await readBlobText(onExported.mock.calls[0]![0].blob));
    expect(doc.data.every((e: { severity: string }) => e.severity === 'critical')).toBe(true);
  });

  it('offers the formats in its own menu where the bar is narrow, and exports the one picked', async () => {
    const client = await signedInClient(server, 'admin', 'acme');
    const onExported = vi.fn<(file: ExportResult & { blob: Blob }) => void>();
    const { container } = render(
      <ExportButton
        query={{ severities: ['critical'] }}
        formatChoice="menu"
        onExported={onExported}
      />,
      { wrapper: wrapperFor(client) },
    );
    const user = userEvent.setup();
    const button = await readyExportButton();
    // No select of its own: the button opens the choice, by keyboard as by pointer.
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.focus();
    await user.keyboard('{ArrowDown}');
    const menu = screen.getByRole('menu', { name: 'Format' });
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'CSV',
      'JSON',
    ]);
    expect(await axeViolations(container)).toEqual([]);
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(onExported).toHaveBeenCalledTimes(1));
    expect(menu.hidden).toBe(true);
    expect(onExported.mock.calls[0]![0].fileName).toMatch(/\.json$/);
    const doc = JSON.parse(await readBlobText(onExported.mock.calls[0]![0].blob));
    expect(doc.data.every((e: { severity: string }) => e.severity === 'critical')).toBe(true);
  });

  it('shows progress with a percentage and stops when cancelled', async () => {
    const slow = await testServer({ seed: { eventsPerTenant: 50 }, latencyMs: 400 });
    const client = await signedInClient(slow, 'manager', 'acme');
    const onExported = vi.fn();
    render(<ExportButton query={{}} onExported={onExported} />, { wrapper: wrapperFor(client) });
    const user = userEvent.setup();
    const button = await readyExportButton();
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await user.click(button);
    expect(await screen.findByRole('progressbar', { name: 'Export progress' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(onExported).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('waits for the rights before it offers itself, then exports', async () => {
    let answerSession: () => void = () => {};
    const sessionAnswered = new Promise<void>((resolve) => (answerSession = resolve));
    // A manager's client whose rights are held back until the test lets them through.
    const slowRights: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname.endsWith('/auth/session')) await sessionAnswered;
      return server.fetch(request);
    };
    const client = newClient(server, slowRights);
    await client.login({ username: 'manager', password: 'audit-demo', tenant_id: 'acme' });
    const onExported = vi.fn<(file: ExportResult & { blob: Blob }) => void>();
    render(<ExportButton query={{}} onExported={onExported} />, { wrapper: wrapperFor(client) });
    const button = screen.getByRole('button', { name: 'Export' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-busy')).toBe('true');
    await userEvent.click(button);
    expect(onExported).not.toHaveBeenCalled();

    answerSession();
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    expect(button.getAttribute('aria-busy')).toBeNull();
    await userEvent.click(button);
    await waitFor(() => expect(onExported).toHaveBeenCalledTimes(1));
  });

  it('is disabled, saying why, for a role that may not export', async () => {
    const client = await signedInClient(server, 'viewer', 'acme');
    render(<ExportButton query={{}} />, { wrapper: wrapperFor(client) });
    const hint = await screen.findByText('Exporting needs the audit manager or an admin role.');
    const button = screen.getByRole('button', { name: 'Export' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBe(hint.id);
  });
});

describe('ExportButton for keys and viewer sessions', () => {
  let embedKey: string;

  beforeAll(async () => {
    const admin = await signedInClient(server, 'admin', 'acme');
    embedKey = (
      await admin.createApiKey({ name: 'host', permissions: ['read', 'export', 'embed'] })
    ).key!;
  });

  const viewerClient = async (permissions: ('read' | 'export')[]) => {
    const minter = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      apiKey: embedKey,
      tenantId: 'acme',
    });
    const session = await minter.createViewerSession({ subject: { id: 'c-1' }, permissions });
    return new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      accessToken: session.access_token,
    });
  };

  it('is disabled, saying why, for a viewer session that may only read', async () => {
    render(<ExportButton query={{}} />, { wrapper: wrapperFor(await viewerClient(['read'])) });
    const hint = await screen.findByText(
      'This access does not include exporting; ask whoever gave it to you.',
    );
    const button = screen.getByRole('button', { name: 'Export' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBe(hint.id);
  });

  it('exports for a viewer session granted export, and for an API key with export', async () => {
    const keyClient = new AuditLogClient({
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      apiKey: embedKey,
      tenantId: 'acme',
    });
    for (const client of [await viewerClient(['read', 'export']), keyClient]) {
      const onExported = vi.fn<(file: ExportResult & { blob: Blob }) => void>();
      const { unmount } = render(<ExportButton query={{}} onExported={onExported} />, {
        wrapper: wrapperFor(client),
      });
      await userEvent.click(await readyExportButton());
      await waitFor(() => expect(onExported).toHaveBeenCalledTimes(1));
      expect(screen.queryByText(/does not include exporting/)).toBeNull();
      unmount();
    }
  });
});
