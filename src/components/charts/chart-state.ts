import type { AuditLabels } from '../ui/labels.js';
import type { ChartLabels } from './chart-labels.js';
import type { ChartState } from './chart-frame.js';

/** Which state a chart is in, and what its status line says in that state. */
export function chartState(
  hasSummary: boolean,
  error: boolean,
  isEmpty: boolean,
  labels: AuditLabels,
  chartLabels: ChartLabels,
): { state: ChartState; status: string } {
  // Data first: a failed background refetch must not wipe a chart already on screen.
  if (hasSummary) {
    return isEmpty
      ? { state: 'empty', status: chartLabels.noData }
      : { state: 'ready', status: '' };
  }
  if (error) return { state: 'error', status: labels.errorTitle };
  return { state: 'loading', status: labels.loading };
}
