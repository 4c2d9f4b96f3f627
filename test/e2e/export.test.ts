import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { verifyExport } from '../../src/client/verification/index.js';
import { CSV_COLUMNS, type AuditLogEvent } from '../../src/contract/schemas/index.js';
import { freshPage, withoutSaveFilePicker } from './support/browser.js';
import { signIn, summaryFigure, waitForEveryRow } from './support/demo-app.js';
import { demoInChromium } from './support/demo-suite.js';
import { saveScreenshot } from './support/screenshots.js';

const suite = demoInChromium();

async function pageWithDownloads(): Promise<Page> {
  const { page } = await freshPage(suite.browser, { acceptDownloads: true });
  await withoutSaveFilePicker(page);
  return page;
}

/** Signs in as a manager (who may export) and narrows the list to two severities. */
async function filteredViewer(): Promise<Page> {
  const page = await pageWithDownloads();
  await signIn(page, suite.servers.appUrl, { username: 'manager', tenant: 'globex' });
  const severities = page.getByRole('group', { name: 'Severities' });
  await severities.getByRole('checkbox', { name: /^Warning/ }).check();
  await severities.getByRole('checkbox', { name: /^Error/ }).check();
  await waitForEveryRow(page, `(row) => ['warning', 'error'].includes(row.dataset.severity)`);
  return page;
}

/** Exports through the toolbar and answers the saved file's name and text. */
async function exportThroughUi(page: Page, format: 'CSV' | 'JSON') {
  const toolbar = page.locator('[data-part="export-button"]');
  await toolbar.getByLabel('Format').selectOption({ label: format });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    toolbar.getByRole('button', { name: 'Export' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  await toolbar.getByRole('status').waitFor();
  return { fileName: download.suggestedFilename(), text };
}

async function expectedEvents(): Promise<AuditLogEvent[]> {
  return suite.servers
    .apiClient('globex')
    .listEvents({ severities: ['warning', 'error'] }, { limit: 1000 });
}

const today = () => new Date().toISOString().slice(0, 10);

test('a CSV export holds exactly the filtered events, under a name with tenant and date', async () => {
  const page = await filteredViewer();
  const { fileName, text } = await exportThroughUi(page, 'CSV');
  const expected = await expectedEvents();
  expect(expected.length).toBeGreaterThan(0);

  expect(fileName).toBe(`audit-logs-globex-${today()}.csv`);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  expect(parsed.data).toHaveLength(expected.length);
  expect(await summaryFigure(page, 'total')).toBe(expected.length);
  expect(parsed.data.map((row) => row.id)).toEqual(expected.map((event) => event.id));
  expect(new Set(parsed.data.map((row) => row.severity))).toEqual(new Set(['warning', 'error']));
  expect(new Set(parsed.data.map((row) => row.tenant_id))).toEqual(new Set(['globex']));
  expect(await page.locator('[data-part="export-button"] [role="status"]').textContent()).toContain(
    fileName,
  );
  await saveScreenshot(page, 'export-done');
  await page.context().close();
});

test('a JSON export holds exactly the filtered events, under a name with tenant and date', async () => {
  const page = await filteredViewer();
  const { fileName, text } = await exportThroughUi(page, 'JSON');
  const expected = await expectedEvents();

  expect(fileName).toBe(`audit-logs-globex-${today()}.json`);
  const document = JSON.parse(text) as { format: string; count: number; data: AuditLogEvent[] };
  expect(document.format).toBe('json');
  expect(document.count).toBe(expected.length);
  expect(document.data.map((event) => event.id)).toEqual(expected.map((event) => event.id));
  expect(document.data).toEqual(expected);
  await page.context().close();
});

test('an export saves one file, then offers its signed manifest as a second download of its own, and the pair verifies', async () => {
  const page = await filteredViewer();
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  const { fileName, text } = await exportThroughUi(page, 'CSV');
  const link = page.getByRole('link', { name: 'Save the signed manifest' });
  await link.waitFor();
  // Nothing follows the file by itself: Chrome asks before a page's second download.
  await page.waitForTimeout(500);
  expect(downloads).toHaveLength(1);

  const [manifestDownload] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(manifestDownload.suggestedFilename()).toBe(`${fileName}.manifest.json`);
  const manifest = JSON.parse(await readFile(await manifestDownload.path(), 'utf8'));
  const api = suite.servers.apiClient('globex');
  const check = await verifyExport(
    new TextEncoder().encode(text),
    manifest,
    await api.getPublicKeys(),
  );
  expect(check).toEqual({ ok: true, count: (await expectedEvents()).length, problems: [] });
  await page.context().close();
});

test('a CSV export leaves out a column the table has been told to hide', async () => {
  const page = await pageWithDownloads();
  await signIn(page, suite.servers.appUrl, { username: 'manager', tenant: 'globex' });
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'IP address' }).uncheck();
  await page.keyboard.press('Escape');
  const headers = await page.getByRole('grid').getByRole('columnheader').allTextContents();
  expect(headers.map((header) => header.replace(/\W+$/, ''))).not.toContain('IP address');

  const { text } = await exportThroughUi(page, 'CSV');
  const [header] = Papa.parse<string[]>(text, { preview: 1 }).data;
  // What is on screen is what is exported (ExportButton's `columns`).
  expect(header).not.toContain('ip_address');
  expect(header).toEqual(expect.arrayContaining(['timestamp', 'severity', 'description']));
  await page.context().close();
});

test('on a phone the Export button opens its formats, and the one picked is saved', async () => {
  const page = await pageWithDownloads();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, suite.servers.appUrl, { username: 'manager', tenant: 'globex' });
  const toolbar = page.locator('[data-part="export-button"]');
  const button = toolbar.getByRole('button', { name: 'Export', exact: true });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const formats = toolbar.getByRole('menu', { name: 'Format' });
  await formats.getByRole('menuitem', { name: 'CSV' }).waitFor();
  await page.keyboard.press('ArrowDown');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toBe(`audit-logs-globex-${today()}.json`);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8')) as { data: unknown[] };
  expect(doc.data.length).toBe(
    (await suite.servers.apiClient('globex').listEvents({}, { limit: 1000 })).length,
  );
  await toolbar.getByRole('status').waitFor();
  // What the export says takes a line of its own: the controls keep their two rows.
  const display = (await page.getByRole('button', { name: 'Display' }).boundingBox())!;
  const status = (await toolbar.getByRole('status').boundingBox())!;
  expect(display.y).toBe((await button.boundingBox())!.y);
  expect(status.y).toBeGreaterThanOrEqual(display.y + display.height);
  await saveScreenshot(page, 'export-done-viewer-390', { fullPage: false });
  await page.context().close();
});
