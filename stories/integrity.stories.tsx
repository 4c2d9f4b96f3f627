import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import type { AuditLogClient } from 'audit-log-sdk';
import {
  AuditLogIntegrity,
  AuditLogTable,
  AuditLogView,
  AuditLogViewer,
  DEFAULT_LABELS,
  IntegrityBanner,
  IntegrityMark,
  IntegrityProof,
  VerifyExportFile,
  createIntegrityColumn,
  type IntegrityMarkState,
} from 'audit-log-sdk/components';
import { useAuditEvents } from 'audit-log-sdk/react';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/** The integrity banner (the viewer may hold other alerts, e.g. a field's errors). */
const bannerIn = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('[data-part="integrity-banner"]');

const STATES: IntegrityMarkState[] = ['verified', 'modified', 'notInLog', 'checking', 'unchecked'];

const meta = {
  title: 'Components/Integrity',
  component: IntegrityMark,
  args: { state: 'verified' },
  // Every story runs a log of its own at the same address: forget the heads others left, so
  // a story's banner speaks of its own log only.
  beforeEach: () => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('audit-log-sdk:tree-head:')) localStorage.removeItem(key);
    }
  },
} satisfies Meta<typeof IntegrityMark>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Every mark a row can carry: each has its own shape and word, and says what it means. */
export const Marks: Story = {
  render: () => (
    <ul style={{ display: 'grid', gap: '0.5rem', listStyle: 'none', padding: 0 }}>
      {STATES.map((state) => (
        <li key={state}>
          <IntegrityMark state={state} />
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('img', { name: /^Verified:/ })).toHaveTextContent('Verified');
    await expect(canvas.getByRole('img', { name: /differs from/ })).toHaveTextContent('Changed');
    await expect(canvas.getByRole('img', { name: /holds no such event/ })).toHaveTextContent(
      'Not in log',
    );
  },
};

/**
 * The viewer over a log where rows were edited in the database: their marks fail, a banner
 * above the table says how many and how; every other row stays verified.
 */
export const ViewerWithEditedRows: Story = {
  parameters: { audit: { tampered: 5 } },
  render: () => (
    <div style={{ height: 720 }}>
      <AuditLogViewer hide={{ charts: true }} theme="light" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () =>
        expect(bannerIn(canvasElement)).toHaveTextContent(
          '4 events on this page failed verification (4 changed).',
        ),
      { timeout: 10_000 },
    );
    await expect(bannerIn(canvasElement)).toHaveAttribute('role', 'alert');
    await expect(canvas.getAllByRole('img', { name: /differs from/ })).toHaveLength(4);
  },
};

/**
 * A host's own arrangement: the mark column added to its table and the banner where it wants
 * it, one check of the page for both.
 */
export const ColumnAndBannerInAView: Story = {
  parameters: { audit: { tampered: 10 } },
  render: () => (
    <AuditLogView pageSize={20} columns={[createIntegrityColumn(DEFAULT_LABELS)]}>
      <AuditLogIntegrity>
        <div style={{ display: 'grid', gap: '0.5rem' }}>
          <IntegrityBanner />
          <AuditLogTable style={{ '--audit-table-height': '420px' } as CSSProperties} />
        </div>
      </AuditLogIntegrity>
    </AuditLogView>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      '2 events on this page failed verification (2 changed).',
    );
    await expect(canvas.getByRole('columnheader', { name: 'Integrity' })).toBeInTheDocument();
  },
};

function NewestEventProof() {
  const page = useAuditEvents({}, { size: 1 });
  const event = page.data?.items[0];
  return event ? <IntegrityProof event={event} /> : <p>Loading…</p>;
}

/** The proof section of an event's detail: leaf index, tree size, root, signing key, when. */
export const ProofSection: Story = {
  parameters: { audit: {} },
  render: () => <NewestEventProof />,
  play: async ({ canvasElement }) => {
    const proof = await within(canvasElement).findByRole('region', { name: 'Integrity proof' });
    await waitFor(() => expect(proof).toHaveTextContent('Verified'), { timeout: 10_000 });
    await expect(proof).toHaveTextContent(/Root hash[0-9a-f]{64}/);
  },
};

/** An export, its manifest and the server's keys, as files a person would hand over. */
async function exportedFiles(client: AuditLogClient, change?: (text: string) => string) {
  const file = await client.exportFile({ severities: ['warning'] }, { format: 'json' });
  const text = await file.blob!.text();
  const manifest = await client.getExportManifest(file.exportId!);
  const json = (value: unknown, name: string) =>
    new File([JSON.stringify(value)], name, { type: 'application/json' });
  return {
    file: new File([change ? change(text) : text], file.fileName, { type: 'application/json' }),
    manifest: json(manifest, `${file.fileName}.manifest.json`),
    keys: json(await client.getPublicKeys(), 'jwks.json'),
  };
}

async function handOver(
  canvasElement: HTMLElement,
  files: Awaited<ReturnType<typeof exportedFiles>>,
) {
  const canvas = within(canvasElement);
  await userEvent.upload(canvas.getByLabelText('Exported file'), files.file);
  await userEvent.upload(canvas.getByLabelText('Manifest'), files.manifest);
  await userEvent.upload(canvas.getByLabelText('Public keys (JWKS, optional)'), files.keys);
}

/** "Verify a file" with an unmodified export: checked here, offline, and passed. */
export const VerifyAFile: Story = {
  parameters: { audit: {} },
  render: () => <VerifyExportFile />,
  play: async ({ canvasElement, loaded }) => {
    await handOver(canvasElement, await exportedFiles(loaded['auditClient'] as AuditLogClient));
    await expect(await within(canvasElement).findByText(/Verified: \d+ events/)).toBeVisible();
  },
};

/** The same export with one row removed: it fails, saying what is wrong. */
export const VerifyAChangedFile: Story = {
  parameters: { audit: {} },
  render: () => <VerifyExportFile />,
  play: async ({ canvasElement, loaded }) => {
    const removeRow = (text: string) => {
      const document = JSON.parse(text) as { data: unknown[] };
      document.data.pop();
      return JSON.stringify(document);
    };
    await handOver(
      canvasElement,
      await exportedFiles(loaded['auditClient'] as AuditLogClient, removeRow),
    );
    await waitFor(() =>
      expect(within(canvasElement).getByRole('alert')).toHaveTextContent(/1 row removed/),
    );
  },
};
