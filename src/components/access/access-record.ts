import type { AuditLogEvent, AuditLogQueryInput } from '../../client/index.js';
import { AccessMetadataSchema, type AccessMetadata } from '../../contract/access-records.js';
import { filterNames } from '../filters/filter-labels.js';
import { compactQuery, filterChips, omitKeys } from '../filters/filter-model.js';
import { formatTimestamp } from '../format/format-time.js';
import type { AuditUiSettings } from '../ui/audit-ui-context.js';

/** An access record's metadata, or nothing usable when it is not the contract's shape. */
export function accessMetadata(event: AuditLogEvent): AccessMetadata {
  const parsed = AccessMetadataSchema.safeParse(event.metadata);
  return parsed.success ? parsed.data : {};
}

/**
 * The principal without its kind prefix (`viewer:`, `api_key:`), as a person reads it; the
 * kind is shown from `session_kind` next to it.
 */
export function principalName(userId: string | null): string | null {
  if (userId === null) return null;
  const match = /^(viewer|api_key):(.+)$/.exec(userId);
  return match ? match[2]! : userId;
}

/**
 * The query a record was made for, in the words of the filter chips ("Severity: Error;
 * Search: login"), so the Access view names filters as the filter bar does. The sort is
 * left out: it changes the order of what was read, not what was read.
 */
export function querySummary(filters: AuditLogQueryInput | undefined, ui: AuditUiSettings): string {
  if (!filters) return ui.labels.accessAllEvents;
  const words = ui.labels.filters;
  const names = filterNames(words, ui.labels);
  const chips = filterChips(compactQuery(omitKeys(filters, 'sort_by', 'sort_order')), {
    ...names,
    from: words.from,
    to: words.to,
    search: words.search,
    not: words.notValue,
    timeRange: words.timeRange,
    last: (duration) =>
      (words.presets as Readonly<Record<string, string>>)[duration] ??
      `${words.lastDuration} ${duration}`,
    formatTime: (value) =>
      formatTimestamp(typeof value === 'string' ? value : value.toISOString(), {
        locale: ui.locale,
        timeZone: ui.timeZone,
      }),
  });
  return chips.length === 0 ? ui.labels.accessAllEvents : chips.map((chip) => chip.text).join('; ');
}
