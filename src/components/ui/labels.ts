import type { EventType } from '../../client/index.js';

/** Event types as people read them; the one list the filters and charts share. */
export const EVENT_TYPE_LABELS: Readonly<Record<EventType, string>> = {
  authentication: 'Authentication',
  authorization: 'Authorization',
  data_access: 'Data access',
  data_modification: 'Data modification',
  system_event: 'System event',
  user_action: 'User action',
  api_call: 'API call',
  error: 'Error',
};

/**
 * The filters' strings. Which filter a field table entry is titled by lives in
 * filters/filter-labels.ts; the words themselves live here, with every other part's.
 */
const FILTERS = {
  filters: 'Filters',
  timeRange: 'Time range',
  presets: {
    '15m': 'Last 15 minutes',
    '1h': 'Last hour',
    '24h': 'Last 24 hours',
    '7d': 'Last 7 days',
    '30d': 'Last 30 days',
  },
  from: 'From',
  to: 'To',
  eventTypes: 'Event types',
  severities: 'Severities',
  resourceType: 'Resource type',
  user: 'User',
  ipAddress: 'IP address',
  sessionId: 'Session',
  correlationId: 'Correlation id',
  search: 'Search',
  activeFilters: 'Active filters',
  removeFilter: 'Remove filter',
  clearAll: 'Clear all',
  savedViews: 'Saved views',
  viewName: 'View name',
  saveView: 'Save view',
  deleteView: 'Delete view',
  noSavedViews: 'No saved views yet.',
  renameView: 'Rename view',
  loadingViews: 'Loading saved views…',
  loadViewsError: 'Could not load the saved views',
  saveViewError: 'Could not save the view; its name is kept to try again',
  renameViewError: 'Could not rename the view',
  deleteViewError: 'Could not delete the view',
  notValue: 'not',
  lastDuration: 'Last',
  facets: 'Fields',
  excludeValue: 'Exclude',
  excludedValue: 'excluded',
  moreValues: 'More',
  fewerValues: 'Fewer',
  noValues: 'No values',
  loadingValues: 'Counting…',
  facetsUnavailable: 'This server does not count values by field, so no counts are shown.',
  facetsError: 'Could not count the values',
  queryBar: 'Query',
  queryBarHint: 'field:value, -field:value to exclude, "quoted text" to search',
  suggestions: 'Suggestions',
  queryErrors: 'Problems in the query',
};

/** The charts' strings (the charts ship in their own entry; their words are here all the same). */
const CHARTS = {
  eventVolume: 'Event volume',
  severityBreakdown: 'Events by severity',
  eventTypeBreakdown: 'Events by type',
  noData: 'No events to chart.',
  count: 'Events',
  total: 'Total',
  bucketStart: 'Period starting',
  /** Said to screen readers and shown under the volume chart when dragging can zoom. */
  dragToZoom: 'Drag across the chart to zoom into a time range.',
  /**
   * Shown under the volume chart when the server counted by a coarser interval or drew only
   * part of the range (an outlier far in the past or future), so the chart never fails.
   */
  timelineAdjusted: (interval: string, from: string, to: string, outside: number) =>
    `Shown by ${interval}, ${from} – ${to}.` +
    (outside > 0 ? ` ${outside === 1 ? '1 event lies' : `${outside} events lie`} outside.` : ''),
  /** Accessible name of the button that filters by one bar of a breakdown. */
  filterBy: (name: string) => `Filter by ${name}`,
};

/** The integrity parts' strings: the row marks, the banner, the proof section, "Verify a file". */
const INTEGRITY = {
  column: 'Integrity',
  verified: 'Verified',
  modified: 'Changed',
  notInLog: 'Not in log',
  checking: 'Checking…',
  unchecked: 'Not checked',
  /** A mark's accessible name and tooltip, longer than what the cell shows. */
  markTitle: {
    verified: 'Verified: this event is in the signed log, unchanged',
    modified: 'Failed: this event differs from the one the signed log holds',
    notInLog: 'Failed: the signed log holds no such event',
    checking: 'Checking this event against the signed log…',
    unchecked: 'Not checked against the signed log',
  },
  bannerTitle: 'Integrity check failed',
  failedEvents: (count: number, changed: number, missing: number) =>
    `${count === 1 ? '1 event' : `${count} events`} on this page failed verification` +
    ` (${[changed > 0 ? `${changed} changed` : '', missing > 0 ? `${missing} not in the log` : '']
      .filter(Boolean)
      .join(', ')}).`,
  /** Places (sequence numbers) the signed log holds but whose stored rows are gone. */
  missingEvents: (...sequences: number[]) =>
    sequences.length === 1
      ? `The event at sequence ${sequences[0]!.toLocaleString('en')} is missing: the signed log holds it, but its row was deleted from the store.`
      : `The events at sequences ${sequences.map((at) => at.toLocaleString('en')).join(', ')} are missing: the signed log holds them, but their rows were deleted from the store.`,
  consistencyFailed: (problem: string) => `The log is not the one seen before: ${problem}.`,
  signatureFailed: (problem: string) => `The log's signature does not hold: ${problem}.`,
  proof: 'Integrity proof',
  /** Where the server keeps no signed log: the detail says so, the table has no column. */
  unavailable: 'Not available: this server keeps no signed log of its events.',
  status: 'Status',
  leafIndex: 'Leaf index',
  treeSize: 'Tree size',
  rootHash: 'Root hash',
  signer: 'Signing key',
  signedAt: 'Signed',
  verifyFile: 'Verify a file',
  verifyFileHint:
    'Drop an exported file and its manifest here, or choose them. Nothing is uploaded.',
  exportFile: 'Exported file',
  manifestFile: 'Manifest',
  keysFile: 'Public keys (JWKS, optional)',
  verify: 'Verify',
  verifying: 'Verifying…',
  fileVerified: (count: number) =>
    `Verified: ${count === 1 ? '1 event' : `${count.toLocaleString('en')} events`}, nothing changed, added or removed.`,
  fileFailed: 'This file does not match its signed manifest',
  notAManifest: (name: string) => `${name} is not an export manifest.`,
  notKeys: (name: string) => `${name} is not a JSON Web Key Set.`,
  needKeys: 'Add the public keys (JWKS) to verify this file.',
  saveManifest: 'Save the signed manifest',
  saveManifestHint: 'Keep it beside the file: with it the file verifies offline.',
};

/**
 * Every visible string of the components, in one catalog, translated as a whole through
 * `AuditUiProvider` (see locales/ for a complete second language). The words several parts
 * share (field names, states, severities, event types, the table's, the detail's and the
 * viewer's) sit at the top; `filters` and `charts` hold those parts' own.
 */
export const DEFAULT_LABELS = {
  loading: 'Loading…',
  empty: 'No events match these filters.',
  errorTitle: 'Could not load events',
  retry: 'Try again',
  time: 'Time',
  severity: 'Severity',
  eventType: 'Event type',
  action: 'Action',
  resource: 'Resource',
  user: 'User',
  ipAddress: 'IP address',
  description: 'Description',
  sessionId: 'Session',
  correlationId: 'Correlation',
  userAgent: 'User agent',
  metadata: 'Metadata',
  eventId: 'Event id',
  tenant: 'Tenant',
  createdAt: 'Recorded',
  before: 'Before',
  after: 'After',
  changes: 'Changes',
  changedField: 'Field',
  copy: 'Copy',
  copied: 'Copied',
  copyLink: 'Copy link to this event',
  showCorrelated: 'Show correlated events',
  showSameSession: 'Show events of the same session',
  /** A field's menu button, named by the fields and values it acts on. */
  valueActions: (what: string) => `Actions for ${what}`,
  filterToValue: 'Filter to this value',
  excludeThisValue: 'Exclude this value',
  resourceHistory: 'History of this resource',
  /** The history view's heading: the resource as "type / id". */
  historyOf: (resource: string) => `History of ${resource}`,
  back: 'Back',
  historyEmpty: 'No events recorded for this resource.',
  noChangeRecorded: 'No change recorded',
  /** Where the page of a resource's history sits, oldest first; numbers come formatted. */
  historyRange: (first: string, last: string, total: string) =>
    `Events ${first}–${last} of ${total}, oldest first`,
  olderEvents: 'Older',
  newerEvents: 'Newer',
  oldestEvents: 'Oldest',
  newestEvents: 'Newest',
  close: 'Close',
  expand: 'Expand',
  collapse: 'Collapse',
  showAllText: (characters: number) => `Show all ${characters.toLocaleString('en')} characters`,
  showLessText: 'Show less',
  /** A metadata object's size, where its braces used to be. */
  jsonKeys: (count: number) => (count === 1 ? '1 key' : `${count.toLocaleString('en')} keys`),
  jsonItems: (count: number) => (count === 1 ? '1 item' : `${count.toLocaleString('en')} items`),
  showMoreEntries: (next: number, shown: number, total: number) =>
    `Show ${next.toLocaleString('en')} more (${shown.toLocaleString('en')} of ${total.toLocaleString('en')} shown)`,
  none: '—',
  totalEvents: 'Events',
  criticalAndErrors: 'Critical and errors',
  warnings: 'Warnings',
  resourceTypes: 'Resource types',
  summaryError: 'Could not load the summary',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  username: 'Username',
  password: 'Password',
  tenantId: 'Tenant',
  exportEvents: 'Export',
  exportFormat: 'Format',
  exportCsv: 'CSV',
  exportJson: 'JSON',
  exporting: 'Exporting…',
  exportProgress: 'Export progress',
  exportDone: 'Export saved',
  cancel: 'Cancel',
  exportNotAllowed: 'Exporting needs the audit manager or an admin role.',
  /** For API keys and viewer sessions, whose rights come from whoever issued them. */
  exportNotGranted: 'This access does not include exporting; ask whoever gave it to you.',
  liveTail: 'Live',
  newEvents: (count: number) => (count === 1 ? '1 new event' : `${count} new events`),
  pagination: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  eventDetail: 'Event detail',
  resizeDetail: 'Resize event detail',
  showFilters: 'Filters',
  allTime: 'All time',
  timeSince: (start: string) => `Since ${start}`,
  timeUntil: (end: string) => `Until ${end}`,
  volume: 'Volume',
  matchingEvents: (count: string) => `${count} events`,
  columnSettings: 'Columns',
  /** On phones, the one button holding the volume strip's, the columns' and the rows' settings. */
  displayOptions: 'Display',
  moveColumnUp: (column: string) => `Move ${column} up`,
  moveColumnDown: (column: string) => `Move ${column} down`,
  compactRows: 'Compact rows',
  selectAllRows: 'Select all rows',
  selectRow: (eventId: string) => `Select ${eventId}`,
  sortAscending: 'sorted ascending',
  sortDescending: 'sorted descending',
  accessLog: 'Access',
  accessWho: 'Who',
  accessWhat: 'What',
  accessQuery: 'Query',
  accessRows: 'Rows',
  accessEmpty: 'No one has read this log yet.',
  accessAllEvents: 'All events',
  accessOpenedEvent: (eventId: string) => `Event ${eventId}`,
  /** What an access record says was done, by its `action` without the `audit_log.` prefix. */
  accessActions: {
    query: 'Listed events',
    view_event: 'Opened an event',
    summary: 'Viewed the summary',
    export: 'Exported',
  },
  /** Who read, by the access record's `session_kind`. */
  principalKinds: {
    user: 'User',
    api_key: 'API key',
    viewer: 'Viewer session',
  },
  /** Event types as the table and the detail show them; the raw value stays in `data-value`. */
  eventTypes: { ...EVENT_TYPE_LABELS },
  severities: {
    critical: 'Critical',
    error: 'Error',
    warning: 'Warning',
    info: 'Info',
    debug: 'Debug',
  },
  /** Names a host's resolver gives actors and resources (`AuditUiProvider`'s `resolveActors`). */
  names: {
    /** A name's tooltip: the id stays there to read and copy. */
    withId: (name: string, id: string) => `${name} (id ${id})`,
    /** Added to the tooltip of a link to the host's page. */
    newTab: 'opens in a new tab',
  },
  filters: FILTERS,
  charts: CHARTS,
  integrity: INTEGRITY,
};

export type AuditLabels = typeof DEFAULT_LABELS;

/**
 * Any subset of a catalog, at any depth: one severity, one filter preset or one chart title
 * can be renamed alone. Functions (plurals, "Page 2 of 9") are replaced whole.
 */
export type LabelOverrides<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown
    ? T[K]
    : T[K] extends object
      ? LabelOverrides<T[K]>
      : T[K];
};

export type AuditLabelOverrides = LabelOverrides<AuditLabels>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The one merge of labels: `overrides` laid over `base` name by name, at every depth. Keys the
 * catalog does not have are dropped, so a typo cannot add a string no part reads.
 */
export function mergeLabels<T extends object>(
  base: T,
  overrides: LabelOverrides<T> | undefined,
): T {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined || !Object.hasOwn(base, key)) continue;
    const current = merged[key];
    merged[key] =
      isPlainObject(current) && isPlainObject(value)
        ? mergeLabels(current, value as LabelOverrides<typeof current>)
        : value;
  }
  return merged as T;
}
