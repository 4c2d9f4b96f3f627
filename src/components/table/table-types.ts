/** Row spacing of the table. */
export type AuditLogTableDensity = 'comfortable' | 'compact';
/** The table's state as one enumerated value, for `data-state`. */
export type AuditLogTableState = 'loading' | 'empty' | 'error' | 'ready';

/** What a parent can ask of a table through `actionsRef`. */
export interface AuditLogTableActions {
  /**
   * Makes the row of `eventId` active, scrolls to it and focuses it; without an id, or when
   * that event is not in the rows, focuses the active row. False when there is no row.
   */
  focusRow: (eventId?: string) => boolean;
}

/** Row heights in pixels; rows have a fixed height so 10,000 of them scroll without measuring. */
export const ROW_HEIGHT: Record<AuditLogTableDensity, number> = { comfortable: 44, compact: 32 };
