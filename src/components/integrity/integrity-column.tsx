'use client';
import type { AuditLogColumn } from '../table/audit-log-column.js';
import type { AuditLabels } from '../ui/labels.js';
import { EventIntegrityMark } from './integrity-mark.js';

/** The id of the integrity column, for column settings and `hidden` lists. */
export const INTEGRITY_COLUMN_ID = 'integrity';

/**
 * A table column with each row's integrity mark (verified, changed, not in the log, checking).
 * It leads the row; the rows are checked after they are painted, once for the page. Pass it in
 * `columns`.
 *
 * @example
 * const { labels } = useAuditUi();
 * <AuditLogView columns={[createIntegrityColumn(labels)]}>…</AuditLogView>
 */
export function createIntegrityColumn(labels: AuditLabels): AuditLogColumn {
  return {
    id: INTEGRITY_COLUMN_ID,
    header: labels.integrity.column,
    // A narrow screen shows the mark without its word (viewer.css), in a narrower track.
    width: 'minmax(var(--audit-integrity-min, 7.5rem), 0.5fr)',
    placement: 'start',
    cell: (event) => <EventIntegrityMark event={event} />,
  };
}
