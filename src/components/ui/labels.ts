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

/** Every visible string of the components, overridable per app (i18n) through `AuditUiProvider`. */
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
  close: 'Close',
  expand: 'Expand',
  collapse: 'Collapse',
  showAllText: (characters: number) => `Show all ${characters.toLocaleString('en')} characters`,
  showLessText: 'Show less',
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
  columnSettings: 'Columns',
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
  /** What an access record says was done, by its `action`. */
  accessActions: {
    'audit_log.query': 'Listed events',
    'audit_log.view_event': 'Opened an event',
    'audit_log.summary': 'Viewed the summary',
    'audit_log.export': 'Exported',
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
};

export type AuditLabels = typeof DEFAULT_LABELS;

/**
 * Labels with overrides laid over them; each of `nested` (a map of names) is merged name by
 * name, so one event type or severity can be renamed alone.
 */
export function mergeLabelSet<T extends object, K extends keyof T>(
  defaults: T,
  overrides: object | undefined,
  nested: readonly K[],
): T {
  if (!overrides) return defaults;
  const merged: Record<PropertyKey, unknown> = { ...(defaults as object), ...overrides };
  for (const key of nested) {
    merged[key as PropertyKey] = {
      ...(defaults[key] as object),
      ...((overrides as Partial<T>)[key] as object | undefined),
    };
  }
  return merged as T;
}

/** Any subset of the labels; severities and event types may be overridden one by one. */
export type AuditLabelOverrides = Partial<
  Omit<AuditLabels, 'severities' | 'eventTypes' | 'accessActions' | 'principalKinds'>
> & {
  severities?: Partial<AuditLabels['severities']>;
  eventTypes?: Partial<AuditLabels['eventTypes']>;
  accessActions?: Partial<AuditLabels['accessActions']>;
  principalKinds?: Partial<AuditLabels['principalKinds']>;
};

export function mergeLabels(overrides: AuditLabelOverrides | undefined): AuditLabels {
  return mergeLabelSet(DEFAULT_LABELS, overrides, [
    'severities',
    'eventTypes',
    'accessActions',
    'principalKinds',
  ]);
}
