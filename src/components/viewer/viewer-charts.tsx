'use client';
// Loaded lazily by the viewer, so recharts never delays the first rows.
import type { AuditLogQueryInput, EventType, Severity } from '../../client/index.js';
import {
  ConnectedEventTypeChart,
  ConnectedEventVolumeChart,
  ConnectedSeverityBreakdownChart,
  type ChartTimeRange,
} from '../charts/index.js';

export interface ViewerChartsProps {
  query: AuditLogQueryInput;
  onRange: (range: ChartTimeRange) => void;
  onSeverity: (severity: Severity) => void;
  onEventType: (eventType: EventType) => void;
}

export default function ViewerCharts({
  query,
  onRange,
  onSeverity,
  onEventType,
}: ViewerChartsProps) {
  return (
    <div data-part="viewer-charts">
      <ConnectedEventVolumeChart query={query} onRangeSelect={onRange} />
      <ConnectedSeverityBreakdownChart query={query} onSelect={onSeverity} />
      <ConnectedEventTypeChart query={query} onSelect={onEventType} />
    </div>
  );
}
