'use client';
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import type { TimeDisplay } from '../format/format-time.js';
import { AuditLogTable } from '../table/audit-log-table.js';
import { SummaryCards } from '../summary-cards/summary-cards.js';
import { DensityToggle } from '../table/column-settings.js';
import { LazyColumnSettings } from '../table/lazy-column-settings.js';
import { IntegrityBanner } from '../integrity/integrity-banner.js';
import { AuditLogIntegrity } from '../integrity/integrity-state.js';
import { AuditUiProvider, useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { Button } from '../ui/button.js';
import { rootProps } from '../ui/root-props.js';
import { AuditLogPager } from './audit-log-pager.js';
import { AuditLogView } from './audit-log-view.js';
import { useWidthClass } from './use-width-class.js';
import {
  LazyDetailPanel,
  LazyDisplayOptions,
  LazyExportButton,
  LazyLiveTail,
  LazyQueryBar,
  LazyResourceHistory,
  LazySavedViewsMenu,
  LazyTimeRangeMenu,
  LazyViewerSidebar,
} from './viewer-lazy-parts.js';
import {
  useAuditLogViewContext,
  viewColumnSettings,
  type AuditLogViewController,
} from './view-context.js';
import type { AuditLogViewOptions } from './use-audit-log-view.js';
import type { SavedViewStorage } from '../filters/saved-views.js';

const VolumeStrip = lazy(() => import('./viewer-charts.js'));

export type ViewerPart =
  'summary' | 'filters' | 'charts' | 'export' | 'liveTail' | 'detail' | 'integrity' | 'savedViews';

export interface AuditLogViewerProps extends Omit<AuditLogViewOptions, 'detail'> {
  /** Parts to leave out, e.g. `{ charts: true }`. */
  hide?: Partial<Record<ViewerPart, boolean>>;
  /** Replaces the detail panel's content. */
  renderDetail?: (event: AuditLogEvent, close: () => void) => ReactNode;
  /** Replaces the filters and field counts in the left sidebar. */
  sidebar?: ReactNode;
  /** Replaces the query bar at the start of the top bar. */
  queryBar?: ReactNode;
  /**
   * Where the top bar's saved views are kept (`SavedViewStorage`): by default this browser's
   * `localStorage`, one list per server, tenant and signed-in user; give one to keep them on
   * the host's server.
   */
  savedViews?: SavedViewStorage | undefined;
  /** A controller made with `useAuditLogView`, to read or drive the viewer from outside. */
  view?: AuditLogViewController | undefined;
  labels?: AuditLabelOverrides;
  locale?: string;
  timeZone?: string;
  timeDisplay?: TimeDisplay;
  /** Follows the system by default. */
  theme?: 'light' | 'dark' | 'system';
  className?: string;
}

/**
 * The whole log explorer in one component, laid out from the parts: a top bar, the filters in
 * a collapsible sidebar, a volume strip, the table filling the rest with one scroll, and the
 * open event in a side panel (a full-screen sheet on phones). Give it a height (it fills its
 * container); a host wanting another arrangement composes the same parts in `<AuditLogView>`.
 */
export function AuditLogViewer({
  labels,
  locale,
  timeZone,
  timeDisplay,
  ...props
}: AuditLogViewerProps) {
  return (
    <AuditUiProvider
      {...(labels ? { labels } : {})}
      {...(locale ? { locale } : {})}
      {...(timeZone ? { timeZone } : {})}
      {...(timeDisplay ? { timeDisplay } : {})}
    >
      <AuditLogView
        view={props.view}
        defaultQuery={props.defaultQuery}
        pageSize={props.pageSize}
        syncUrl={props.syncUrl}
        columns={props.columns}
        columnsStorageKey={props.columnsStorageKey}
        defaultDensity={props.defaultDensity ?? 'compact'}
        detail={!props.hide?.detail}
        integrity={!props.hide?.integrity}
      >
        {/* One check of the page for the marks and the banner, after the rows are painted. */}
        <AuditLogIntegrity>
          <ViewerLayout {...props} />
        </AuditLogIntegrity>
      </AuditLogView>
    </AuditUiProvider>
  );
}

function ViewerLayout({
  hide = {},
  renderDetail,
  sidebar,
  queryBar,
  savedViews,
  theme = 'system',
  className,
}: AuditLogViewerProps) {
  const view = useAuditLogViewContext()!;
  const { labels, locale } = useAuditUi();
  const rootRef = useRef<HTMLDivElement>(null);
  const size = useWidthClass(rootRef);
  const phone = size === 'phone';
  // Unset, each follows the width: open where there is room, behind their buttons on phones.
  const [sidebarChoice, setSidebarChoice] = useState<boolean | null>(null);
  const [chartChoice, setChartChoice] = useState<boolean | null>(null);
  const sidebarOpen = !hide.filters && (sidebarChoice ?? size === 'desktop');
  const chartOpen = !hide.charts && (chartChoice ?? !phone);
  const total = view.events.data?.total;
  const queryBarValue = useMemo(
    () => ({ ...view.query, ...view.sort, last: view.last }),
    [view.query, view.sort, view.last],
  );
  // Mounted on the first open and kept: the panel hands focus back to its row on every close.
  const [detailOpened, setDetailOpened] = useState(false);
  if (!detailOpened && view.eventId !== undefined) setDetailOpened(true);
  const sidebarId = useId();
  const volumeId = useId();
  const { history } = view;
  // Back from a history, however it is left (its Back, the browser's), focus returns to the
  // menu it was opened from: the list stays mounted, hidden, behind the history.
  const lastFocusOutside = useRef<HTMLElement | null>(null);
  const onFocusCapture = (event: { target: EventTarget }) => {
    const target = event.target;
    if (target instanceof HTMLElement && !target.closest('[data-part="resource-history"]'))
      lastFocusOutside.current = target;
  };
  const historyShown = useRef(history !== undefined);
  useEffect(() => {
    const wasShown = historyShown.current;
    historyShown.current = history !== undefined;
    if (!wasShown || history !== undefined) return;
    const back = lastFocusOutside.current;
    if (back?.isConnected) back.focus();
    else view.tableActions.current?.focusRow(view.eventId);
  }, [history, view.tableActions, view.eventId]);

  // Escape closes the detail from anywhere in the viewer; a control that uses Escape itself
  // (a menu, a field) prevents the default first.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || view.eventId === undefined) return;
    event.preventDefault();
    view.close();
  };

  return (
    <div
      ref={rootRef}
      {...rootProps('viewer', className)}
      data-size={size}
      data-theme={theme === 'system' ? undefined : theme}
      data-sidebar={sidebarOpen ? 'open' : 'closed'}
      data-detail={view.eventId !== undefined && !hide.detail ? 'open' : 'closed'}
      onKeyDown={onKeyDown}
      onFocusCapture={onFocusCapture}
    >
      <div data-part="viewer-bar">
        {hide.filters ? null : (
          <Button
            data-part="sidebar-toggle"
            aria-expanded={sidebarOpen}
            aria-controls={sidebarId}
            onClick={() => setSidebarChoice(!sidebarOpen)}
          >
            {labels.showFilters}
          </Button>
        )}
        <div data-part="viewer-query">
          {queryBar ?? (
            <Suspense fallback={<div data-part="query-placeholder" />}>
              <LazyQueryBar value={queryBarValue} onChange={view.setQuery} />
            </Suspense>
          )}
        </div>
        <Suspense fallback={null}>
          <LazyTimeRangeMenu view={view} />
        </Suspense>
        {hide.savedViews ? null : (
          <Suspense fallback={null}>
            <LazySavedViewsMenu view={view} storage={savedViews} />
          </Suspense>
        )}
        <output data-part="match-count" aria-live="polite">
          {total === undefined
            ? ''
            : labels.matchingEvents(new Intl.NumberFormat(locale).format(total))}
        </output>
        {/* The volume is the list's: a history in its place has none to show. */}
        {hide.charts || history || phone ? null : (
          <Button
            data-part="chart-toggle"
            aria-expanded={chartOpen}
            aria-controls={volumeId}
            onClick={() => setChartChoice(!chartOpen)}
          >
            {labels.volume}
          </Button>
        )}
        {hide.liveTail ? null : (
          <Suspense fallback={null}>
            <LazyLiveTail />
          </Suspense>
        )}
        {hide.export ? null : (
          <Suspense fallback={null}>
            {/* On a phone the format is chosen in the button's own menu, saving the bar a row. */}
            <LazyExportButton {...(phone ? { formatChoice: 'menu' as const } : {})} />
          </Suspense>
        )}
        {phone ? (
          <Suspense fallback={null}>
            <LazyDisplayOptions
              view={view}
              volume={
                hide.charts || history
                  ? undefined
                  : { open: chartOpen, id: volumeId, onOpenChange: setChartChoice }
              }
            />
          </Suspense>
        ) : (
          <>
            <Suspense fallback={null}>
              <LazyColumnSettings {...viewColumnSettings(view)} />
            </Suspense>
            <DensityToggle
              density={view.density}
              onDensityChange={view.setDensity}
              label={labels.compactRows}
            />
          </>
        )}
      </div>
      <div data-part="viewer-body">
        <div data-part="viewer-main">
          {history ? (
            <Suspense fallback={<p role="status">{labels.loading}</p>}>
              <LazyResourceHistory resource={history} onBack={view.closeHistory} autoFocus />
            </Suspense>
          ) : (
            <>
              <div data-part="viewer-status">
                {hide.summary ? null : <SummaryCards />}
                <AuditLogPager />
              </div>
              {chartOpen ? (
                <div data-part="viewer-volume" id={volumeId}>
                  <Suspense fallback={<p role="status">{labels.loading}</p>}>
                    <VolumeStrip />
                  </Suspense>
                </div>
              ) : null}
              {hide.integrity ? null : <IntegrityBanner />}
            </>
          )}
          {/* Kept while a history shows, so Back finds the rows, their scroll and focus as left. */}
          <AuditLogTable hidden={history !== undefined} />
        </div>
        {/* After the table in focus order, so Tab reaches the rows first; drawn on the left. */}
        {sidebarOpen ? (
          <div data-part="viewer-sidebar" id={sidebarId}>
            {/* Names the section for heading navigation; the fields' headings sit under it. */}
            <h2 data-part="sidebar-title">{labels.showFilters}</h2>
            {sidebar ?? (
              <Suspense fallback={<p role="status">{labels.loading}</p>}>
                <LazyViewerSidebar />
              </Suspense>
            )}
          </div>
        ) : null}
        {hide.detail || !detailOpened ? null : (
          <Suspense fallback={null}>
            <LazyDetailPanel renderDetail={renderDetail} integrity={!hide.integrity} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
