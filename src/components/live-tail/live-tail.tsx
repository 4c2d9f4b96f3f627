'use client';
import { Button } from '../ui/button.js';
import { Toggle } from '../ui/toggle.js';
import type { AuditLogQueryInput } from '../../client/index.js';
import { LIVE_INTERVAL_MS } from '../../contract/constants.js';
import { useAuditEvents } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { readsView, useAuditLogViewContext } from '../viewer/view-context.js';

/** Inside `<AuditLogView>`, leave out `query` and the rest: the view supplies them. */
export interface LiveTailProps {
  /** The filters of the list on screen. */
  query?: AuditLogQueryInput | undefined;
  /** The newest event's timestamp on screen; newer ones are counted, not inserted. */
  since?: string | undefined;
  /** Whether to watch for new events; the toggle calls `onEnabledChange`. */
  enabled?: boolean | undefined;
  onEnabledChange?: ((enabled: boolean) => void) | undefined;
  /** The reader asked to see the new events (typically: back to page 1 and refetch). */
  onShowNew?: (() => void) | undefined;
  /** Milliseconds between polls. Default 10,000; polling pauses while the tab is hidden. */
  interval?: number;
  labels?: AuditLabelOverrides;
  className?: string;
}

/**
 * A "live" toggle that polls for events newer than those on screen and offers them as
 * "N new events" instead of shifting rows under the reader.
 */
export function LiveTail(props: LiveTailProps) {
  const view = useAuditLogViewContext();
  if (!readsView(view, props, 'query')) return <LiveTailFromProps {...props} />;
  return (
    <LiveTailFromProps
      // Without `last`: the newest row on screen lies inside the range, and "newer than it"
      // is the narrower start.
      query={view.query}
      since={view.newest}
      enabled={view.live}
      onEnabledChange={view.setLive}
      onShowNew={view.showNew}
      {...props}
    />
  );
}

function LiveTailFromProps({
  query = {},
  since,
  enabled = false,
  onEnabledChange,
  onShowNew,
  interval = LIVE_INTERVAL_MS,
  labels: overrides,
  className,
}: LiveTailProps) {
  const { labels } = useAuditUi(overrides);
  // Strictly newer than the newest row shown: one millisecond past it.
  const after = since ? new Date(Date.parse(since) + 1).toISOString() : undefined;
  const newer = useAuditEvents(
    { ...query, ...(after ? { start_date: after } : {}) },
    { size: 1, live: interval, enabled: enabled && after !== undefined },
  );
  const count = enabled && after ? (newer.data?.total ?? 0) : 0;
  return (
    <div {...rootProps('live-tail', className, enabled ? 'on' : 'off')}>
      <Toggle pressed={enabled} onPressedChange={(next) => onEnabledChange?.(next)}>
        {labels.liveTail}
      </Toggle>
      <span aria-live="polite">
        {count > 0 ? (
          <Button variant="primary" size="sm" data-part="new-events" onClick={onShowNew}>
            {labels.newEvents(count)}
          </Button>
        ) : null}
      </span>
    </div>
  );
}
