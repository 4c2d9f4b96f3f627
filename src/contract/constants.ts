import type { ExportFormat, SortField, SortOrder, SummaryInterval } from './enum-values.js';

/** The largest page the events endpoint answers; also the size auto-pagination asks for. */
export const MAX_PAGE_SIZE = 1000;
/** The page size the server uses when none is asked for, and the viewer's default. */
export const DEFAULT_PAGE_SIZE = 50;
/** Values a facet lists per field: by default, and at most. */
export const DEFAULT_FACET_LIMIT = 10;
export const MAX_FACET_LIMIT = 100;

/** Newest first: the order the server uses when none is asked for. */
export const DEFAULT_SORT: { readonly sort_by: SortField; readonly sort_order: SortOrder } = {
  sort_by: 'timestamp',
  sort_order: 'desc',
};

/** The length of one summary timeline bucket (UTC), as the server counts them. */
export const INTERVAL_MS: Readonly<Record<SummaryInterval, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Metadata nests at most this deep; deeper documents cannot be serialised safely everywhere. */
export const MAX_METADATA_DEPTH = 32;
/** Events per batch request. */
export const MAX_BATCH_SIZE = 1000;

/** How often live views poll for new events. */
export const LIVE_INTERVAL_MS = 10_000;

/**
 * The file name of an export, `audit-logs-<tenant>-<date>.<format>`; the tenant is reduced to
 * characters safe in a file name and a `Content-Disposition` header.
 */
export function exportFileName(
  tenantId: string | null | undefined,
  generatedAt: string,
  format: ExportFormat,
): string {
  const tenant = (tenantId ?? 'export').replace(/[^A-Za-z0-9_.-]/g, '_');
  return `audit-logs-${tenant}-${generatedAt.slice(0, 10)}.${format}`;
}

/** The name an export's signed manifest is saved under, beside the file: `<file>.manifest.json`. */
export function exportManifestFileName(exportFile: string): string {
  return `${exportFile}.manifest.json`;
}
