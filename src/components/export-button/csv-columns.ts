import { CSV_COLUMNS } from '../../contract/schemas/export.js';

type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The export's CSV columns behind each default table column. */
const TABLE_TO_CSV: Record<string, readonly CsvColumn[]> = {
  time: ['timestamp'],
  severity: ['severity'],
  event_type: ['event_type'],
  action: ['action'],
  resource: ['resource_type', 'resource_id'],
  user: ['user_id'],
  ip_address: ['ip_address'],
  description: ['description'],
};

/** CSV columns for visible table columns, in table order; ids that name a CSV column directly pass too. */
export function csvColumnsFor(tableColumns: readonly string[]): CsvColumn[] {
  const known = new Set<string>(CSV_COLUMNS);
  const picked = tableColumns.flatMap(
    (id) => TABLE_TO_CSV[id] ?? (known.has(id) ? [id as CsvColumn] : []),
  );
  return [...new Set(picked)];
}

/**
 * Keeps only `columns` of a CSV export. papaparse reads it (RFC 4180, multi-line cells) and
 * writes it back with its formula escaping; cells the server already neutralised start
 * with `'` and are left as they are. papaparse loads on the first such export, so pages
 * that never narrow an export never download it.
 */
export async function keepCsvColumns(csv: string, columns: readonly string[]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const rows = parsed.data.map((row) => columns.map((column) => row[column] ?? ''));
  return `${Papa.unparse({ fields: [...columns], data: rows }, { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ })}\r\n`;
}

/** A Blob's text, also where `Blob#text` is missing (older engines, jsdom). */
export function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the export'));
    reader.readAsText(blob);
  });
}
