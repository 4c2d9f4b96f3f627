// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLogClient, ExportManifest, Jwks } from '../../../src/client/index.js';
import { ExportButton, VerifyExportFile } from '../../../src/components/index.js';
import type { AuditLogTestServer } from '../../../src/server/index.js';
import { readBytes } from '../../../src/components/integrity/export-files.js';
import { readBlobText, signedInClient, testServer, wrapperFor } from '../../hooks/setup.js';
import { axeViolations } from '../axe.js';

let server: AuditLogTestServer;
let client: AuditLogClient;
let exported: { text: string; manifest: ExportManifest; keys: Jwks };

/** A JSON export and its manifest as the server signed them, and the server's public keys. */
async function exportJson(): Promise<typeof exported> {
  const file = await client.exportFile({ severities: ['warning'] }, { format: 'json' });
  const text = await readBlobText(file.blob);
  return {
    text,
    manifest: await client.getExportManifest(file.exportId!),
    keys: await client.getPublicKeys(),
  };
}

beforeAll(async () => {
  server = await testServer();
  client = await signedInClient(server, 'manager', 'acme');
  exported = await exportJson();
});

const json = (value: unknown, name: string) =>
  new File([JSON.stringify(value)], name, { type: 'application/json' });

/** Hands the three files to the part through its labelled fields, as a person would. */
async function chooseFiles(fileText: string, keys: Jwks = exported.keys) {
  const user = userEvent.setup();
  await user.upload(
    screen.getByLabelText('Exported file'),
    new File([fileText], 'audit-logs-acme.json', { type: 'application/json' }),
  );
  await user.upload(
    screen.getByLabelText('Manifest'),
    json(exported.manifest, 'audit-logs-acme.json.manifest.json'),
  );
  await user.upload(screen.getByLabelText('Public keys (JWKS, optional)'), json(keys, 'jwks.json'));
}

const part = () => screen.getByRole('region', { name: 'Verify a file' });
/** The part's alert once it says `expected` (before all three files are in, it asks for keys). */
const alertSaying = (expected: string | RegExp) =>
  waitFor(() => {
    const text = within(part()).getByRole('alert').textContent ?? '';
    expect(text).toMatch(expected);
    return text;
  });

describe('VerifyExportFile', () => {
  it('passes an unmodified export, offline, saying how many events it holds', async () => {
    const onVerified = vi.fn();
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { container } = render(<VerifyExportFile onVerified={onVerified} />);
    await chooseFiles(exported.text);
    const status = await within(part()).findByText(/^Verified: /);
    expect(status.textContent).toBe(
      `✓ Verified: ${exported.manifest.count} events, nothing changed, added or removed.`,
    );
    expect(onVerified).toHaveBeenCalledWith({
      ok: true,
      count: exported.manifest.count,
      problems: [],
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('fails a file with one changed byte, naming the digest that does not match', async () => {
    render(<VerifyExportFile />);
    const changed = exported.text.replace(
      /"description":"(.)/,
      (_, c: string) => `"description":"${c === 'X' ? 'Y' : 'X'}`,
    );
    expect(changed).not.toBe(exported.text);
    await chooseFiles(changed);
    const alert = await alertSaying(
      /The file is not the one exported: its SHA-256 is [0-9a-f]{64}/,
    );
    expect(alert).toContain('This file does not match its signed manifest');
  });

  it('fails a file with a row removed, saying how many rows are missing', async () => {
    render(<VerifyExportFile />);
    const document = JSON.parse(exported.text) as { data: unknown[] };
    document.data.splice(1, 1);
    await chooseFiles(JSON.stringify(document));
    await alertSaying(
      `The file holds ${exported.manifest.count - 1} rows; the manifest signed ${exported.manifest.count}: 1 row removed`,
    );
  });

  it('fails against keys that did not sign the manifest, and says what is not a manifest', async () => {
    render(<VerifyExportFile />);
    const otherServer = await testServer();
    const otherKeys = await (await signedInClient(otherServer, 'manager', 'acme')).getPublicKeys();
    await chooseFiles(exported.text, otherKeys);
    await alertSaying('The manifest is not signed by any of the given keys, or was altered');
    await userEvent.setup().upload(screen.getByLabelText('Manifest'), json({ keys: [] }, 'x.json'));
    await alertSaying(/^x\.json is not an export manifest\.$/);
  });

  it('sorts dropped files by what they hold, and uses the keys the host gives', async () => {
    render(<VerifyExportFile loadKeys={() => Promise.resolve(exported.keys)} />);
    const dataTransfer = {
      files: [
        json(exported.manifest, 'a.json'),
        new File([exported.text], 'b.json', { type: 'application/json' }),
      ],
    };
    const zone = part().querySelector('[data-part="drop-zone"]')!;
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.drop(zone, { dataTransfer });
    expect(await within(part()).findByText(/^Verified: /)).toBeTruthy();
    expect(within(part()).getByText('a.json')).toBeTruthy();
    expect(within(part()).getByText('b.json')).toBeTruthy();
  });
});

describe('ExportButton and the manifest', () => {
  it('saves the file alone, then offers the signed manifest as a link of its own; the pair verifies', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:${blobs.length}`;
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    // Each download the page starts by itself, by file name.
    const downloads: { name: string; blob: Blob }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push({ name: this.download, blob: blobs[Number(this.href.split(':')[1]) - 1]! });
    });
    render(<ExportButton query={{ severities: ['warning'] }} chooseFile={async () => null} />, {
      wrapper: wrapperFor(client),
    });
    const button = await screen.findByRole('button', { name: 'Export' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await userEvent.setup().click(button);
    const link = await screen.findByRole('link', { name: 'Save the signed manifest' });
    click.mockRestore();
    // One download per click: a second one started by itself makes Chrome ask.
    expect(downloads.map((download) => download.name)).toEqual([
      expect.stringMatching(/^audit-logs-acme-\d{4}-\d\d-\d\d\.csv$/),
    ]);
    const file = downloads[0]!;
    expect(link.getAttribute('download')).toBe(`${file.name}.manifest.json`);
    expect(
      screen.getByText('Keep it beside the file: with it the file verifies offline.'),
    ).toBeTruthy();

    const href = link.getAttribute('href')!;
    expect(href.startsWith('data:application/json;charset=utf-8,')).toBe(true);
    const { verifyExport } = await import('../../../src/client/verification/index.js');
    const signed = JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
    const result = await verifyExport(await readBytes(file.blob), signed, exported.keys);
    expect(result).toEqual({ ok: true, count: signed.count, problems: [] });
  });
});
