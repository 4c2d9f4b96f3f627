'use client';
import { lazy } from 'react';

// Parts of the viewer that the first paint of rows does not need: each is fetched through
// `import()` when it is first shown, so an app's first load carries the table alone.

/** The filters and field counts of the sidebar: only while the sidebar is open. */
export const LazyViewerSidebar = lazy(() => import('./viewer-sidebar.js'));

/** The export menu and its dialog. */
export const LazyExportButton = lazy(() =>
  import('../export-button/export-button.js').then((module) => ({ default: module.ExportButton })),
);

/** On phones, the one button for the volume strip, compact rows and the columns. */
export const LazyDisplayOptions = lazy(() =>
  import('./display-options.js').then((module) => ({ default: module.DisplayOptions })),
);

/** The query bar with its search language and suggestions: typing starts after the rows. */
export const LazyQueryBar = lazy(() =>
  import('../query-bar/connected-audit-query-bar.js').then((module) => ({
    default: module.ConnectedAuditQueryBar,
  })),
);

/** The side panel of the open event: mounted once a row has been opened. */
export const LazyDetailPanel = lazy(() =>
  import('./detail-panel.js').then((module) => ({ default: module.AuditLogDetailPanel })),
);

/** The time range button and its presets and fields. */
export const LazyTimeRangeMenu = lazy(() =>
  import('./time-range-menu.js').then((module) => ({ default: module.TimeRangeMenu })),
);

/** The saved views' button and its list: nothing of it is needed before the rows. */
export const LazySavedViewsMenu = lazy(() =>
  import('./saved-views-menu.js').then((module) => ({ default: module.SavedViewsMenu })),
);

/** The live tail's toggle and its stream. */
export const LazyLiveTail = lazy(() =>
  import('../live-tail/live-tail.js').then((module) => ({ default: module.LiveTail })),
);

/** A resource's history, in place of the list: only once one is opened. */
export const LazyResourceHistory = lazy(() =>
  import('../resource-history/resource-history.js').then((module) => ({
    default: module.ResourceHistory,
  })),
);
