'use client';
import {
  Suspense,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import { Button } from '../ui/button.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { rootProps } from '../ui/root-props.js';
import { useAuditLogViewContext } from './view-context.js';
import { LazyEventDetail, LazyIntegrityProof } from './detail-lazy-parts.js';

const MIN_WIDTH = 320;
const DEFAULT_WIDTH = 480;
const KEY_STEP = 32;

export interface AuditLogDetailPanelProps {
  /** Replaces the event's detail inside the panel. */
  renderDetail?: ((event: AuditLogEvent, close: () => void) => ReactNode) | undefined;
  /** Show where the event sits in the signed log, under its detail. Default true. */
  integrity?: boolean | undefined;
  className?: string | undefined;
}

/**
 * The open event of the nearest `<AuditLogView>` in a panel beside the table, as wide as the
 * reader drags it. It takes focus when a row opens it; when it closes, however it closes,
 * focus goes back to that row.
 */
export function AuditLogDetailPanel({
  renderDetail,
  integrity = true,
  className,
}: AuditLogDetailPanelProps) {
  const view = useAuditLogViewContext();
  if (!view) throw new Error('AuditLogDetailPanel needs an <AuditLogView> around it.');
  const { labels } = useAuditUi();
  const { openEvent, eventId, close, setQuery, linkTo, detailFocusRef, tableActions } = view;
  const { filterValue, showHistory } = view;
  const panelRef = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);

  const shownId = openEvent.data?.id;
  // After every render: a row opened again while its panel is on screen changes no state here.
  useEffect(() => {
    if (shownId === undefined || shownId !== detailFocusRef.current) return;
    detailFocusRef.current = null;
    panelRef.current?.focus();
  });

  // Focus the user has already moved elsewhere stays there; focus lost with the panel goes
  // back to the row it was opened from (Close, Escape, `renderDetail`'s close, Back).
  const previousId = useRef(eventId);
  useEffect(() => {
    const closed = previousId.current;
    previousId.current = eventId;
    if (closed === undefined || eventId !== undefined) return;
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) return;
    tableActions.current?.focusRow(closed);
  }, [eventId, tableActions]);

  const resizeBy = (delta: number) => {
    const max = Math.max(MIN_WIDTH, (panelRef.current?.parentElement?.clientWidth ?? 1280) * 0.7);
    setWidth((current) => Math.min(max, Math.max(MIN_WIDTH, current + delta)));
  };
  const onHandleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The panel is on the right: dragging its left edge leftwards widens it.
    const delta = { ArrowLeft: KEY_STEP, ArrowRight: -KEY_STEP }[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    resizeBy(delta);
  };
  const onHandlePointerDown = (down: PointerEvent<HTMLDivElement>) => {
    const handle = down.currentTarget;
    handle.setPointerCapture(down.pointerId);
    let lastX = down.clientX;
    const move = (event: globalThis.PointerEvent) => {
      resizeBy(lastX - event.clientX);
      lastX = event.clientX;
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const event = openEvent.data;
  if (!event || eventId === undefined) return null;
  return (
    // The panel itself takes focus: its name is announced and Tab goes on to Close.
    <aside
      ref={panelRef}
      tabIndex={-1}
      {...rootProps('viewer-detail', className)}
      aria-label={labels.eventDetail}
      style={{ '--audit-detail-width': `${width}px` } as CSSProperties}
    >
      <div data-part="detail-bar">
        <Button size="sm" data-part="close" onClick={close}>
          {labels.close}
        </Button>
      </div>
      <div data-part="detail-body">
        <Suspense fallback={<p role="status">{labels.loading}</p>}>
          {renderDetail ? (
            renderDetail(event, close)
          ) : (
            <LazyEventDetail
              event={event}
              onShowCorrelated={(id) => setQuery({ correlation_ids: [id] })}
              onShowSameSession={(id) => setQuery({ session_ids: [id] })}
              onFilterValue={filterValue}
              onShowResourceHistory={showHistory}
              {...(linkTo ? { eventLink: (shown: AuditLogEvent) => linkTo(shown.id) } : {})}
            />
          )}
          {integrity ? <LazyIntegrityProof event={event} /> : null}
        </Suspense>
      </div>
      {/* Last, so Tab from the panel reaches Close first. */}
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={labels.resizeDetail}
        aria-valuenow={width}
        aria-valuemin={MIN_WIDTH}
        tabIndex={0}
        data-part="resize-handle"
        onKeyDown={onHandleKeyDown}
        onPointerDown={onHandlePointerDown}
      />
    </aside>
  );
}
