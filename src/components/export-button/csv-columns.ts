import { CSV_COLUMNS, type ExportColumn } from '../../contract/schemas/export.js';

/** The export's columns behind each default table column. */
const TABLE_TO_CSV: Record<string, readonly ExportColumn[]> = {
  time: ['timestamp'],
  severity: ['severity'],
  event_type: ['event_type'],
  action: ['action'],
  resource: ['resource_type', 'resource_id'],
  user: ['user_id'],
  ip_address: ['ip_address'],
  description: ['description'],
};

/** Export columns for visible table columns, in table order; ids that name an export column directly pass too. */
export function csvColumnsFor(tableColumns: readonly string[]): ExportColumn[] {
  const known = new Set<string>(CSV_COLUMNS);
  const picked = tableColumns.flatMap(
    (id) => TABLE_TO_CSV[id] ?? (known.has(id) ? [id as ExportColumn] : []),
  );
  return [...new Set(picked)];
}
