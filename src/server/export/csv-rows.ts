import Papa from 'papaparse';
import { CSV_COLUMNS, type AuditLogEvent } from '../../client/schemas/index.js';

// papaparse quotes per RFC 4180 and, with `escapeFormulae`, prefixes `'` to cells starting
// with = + - @ tab or CR, which is the contract's CSV-injection rule.
const OPTIONS = { header: false, escapeFormulae: true, newline: '\r\n' } as const;

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
