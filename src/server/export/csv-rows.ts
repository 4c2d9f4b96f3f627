import Papa from 'papaparse';
import {
  CSV_COLUMNS,
  type AuditLogEvent,
  type ExportColumn,
} from '../../contract/schemas/index.js';

// papaparse quotes per RFC 4180 and, with `escapeFormulae`, prefixes `'` to cells starting
// with = + - @ tab or CR, which is the contract's CSV-injection rule. Its default pattern
// ends in `.*$`, which misses a formula followed by a line break, so ours tests the start only.
const OPTIONS = { header: false, escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' };

function cell(event: AuditLogEvent, column: ExportColumn): string {
  const value = event[column];
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function csvHeader(columns: readonly ExportColumn[] = CSV_COLUMNS): string {
  return Papa.unparse([[...columns]], OPTIONS) + OPTIONS.newline;
}

export function csvRows(
  events: readonly AuditLogEvent[],
  columns: readonly ExportColumn[] = CSV_COLUMNS,
): string {
  if (events.length === 0) return '';
  const rows = events.map((event) => columns.map((column) => cell(event, column)));
  return Papa.unparse(rows, OPTIONS) + OPTIONS.newline;
}

/** An event with only `columns`, in that order, for a narrowed JSON export. */
export function pickColumns(
  event: AuditLogEvent,
  columns: readonly ExportColumn[],
): Partial<AuditLogEvent> {
  return Object.fromEntries(columns.map((column) => [column, event[column] ?? null]));
}
