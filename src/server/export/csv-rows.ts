import Papa from 'papaparse';
import { CSV_COLUMNS, type AuditLogEvent } from '../../contract/schemas/index.js';

// papaparse quotes per RFC 4180 and, with `escapeFormulae`, prefixes `'` to cells starting
// with = + - @ tab or CR, which is the contract's CSV-injection rule. Its default pattern
// ends in `.*$`, which misses a formula followed by a line break, so ours tests the start only.
const OPTIONS = { header: false, escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' };

function cell(event: AuditLogEvent, column: (typeof CSV_COLUMNS)[number]): string {
  const value = event[column];
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function csvHeader(): string {
  return Papa.unparse([[...CSV_COLUMNS]], OPTIONS) + OPTIONS.newline;
}

export function csvRows(events: readonly AuditLogEvent[]): string {
  if (events.length === 0) return '';
  const rows = events.map((event) => CSV_COLUMNS.map((column) => cell(event, column)));
  return Papa.unparse(rows, OPTIONS) + OPTIONS.newline;
}
