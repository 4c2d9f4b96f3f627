'use client';
import { useId, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import type { ChartLabelOverrides } from './chart-labels.js';
import type { ChartSeriesConfig } from './chart-series.js';
import { rootProps } from '../ui/root-props.js';

export type ChartState = 'loading' | 'error' | 'empty' | 'ready';

/** Size shared by every chart: fixed when `width` is given, else as wide as its container. */
export interface ChartSizeProps {
  /** Fixed width in pixels; leave out to fill the container's width. */
  width?: number | undefined;
  /** Height in pixels. */
  height?: number | undefined;
}

/** What every chart takes besides its own data and callbacks. */
export interface ChartBaseProps<K extends string> extends ChartSizeProps {
  /** Set when the summary failed to load (shown only while there is no summary). */
  error?: boolean;
  /** Colours per category or severity. */
  series?: Partial<ChartSeriesConfig<K>>;
  /** The components' labels and the chart ones (`CHART_LABELS`), any subset. */
  labels?: ChartLabelOverrides;
  className?: string;
  style?: CSSProperties;
}

export interface ChartFrameProps {
  part: string;
  title: string;
  state: ChartState;
  /** What the loading, error or empty state says. */
  status: string;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  /** Anything under the title (such as a usage hint), shown only with data. */
  description?: ReactNode;
  /** The recharts chart, hidden from assistive technology: the table says the same. */
  plot: ReactNode;
  /** The same numbers as a visually hidden table. */
  table: ReactNode;
}

/**
 * The figure every chart renders: a caption naming it, the plot (aria-hidden, so it is not
 * read twice) and a visually hidden table with the numbers; or a status line instead.
 */
export function ChartFrame({
  part,
  title,
  state,
  status,
  className,
  style,
  description,
  plot,
  table,
}: ChartFrameProps) {
  // Named from the caption explicitly: not every browser and reader derives it from <figcaption>.
  const titleId = useId();
  return (
    <figure
      {...rootProps(part, className, state)}
      aria-labelledby={titleId}
      aria-busy={state === 'loading'}
      style={style}
    >
      <figcaption id={titleId} data-part="chart-title">
        {title}
      </figcaption>
      {state === 'ready' ? (
        <>
          {description}
          <div data-part="chart-plot" aria-hidden="true">
            {plot}
          </div>
          {table}
        </>
      ) : (
        <p data-part="chart-status" role={state === 'error' ? 'alert' : 'status'}>
          {status}
        </p>
      )}
    </figure>
  );
}

export const DEFAULT_CHART_HEIGHT = 240;

/** The chart at a fixed size when `width` is set, otherwise in a `ResponsiveContainer`. */
export function sizedChart(
  { width, height = DEFAULT_CHART_HEIGHT }: ChartSizeProps,
  render: (size: { width?: number; height?: number }) => ReactElement,
): ReactElement {
  if (width !== undefined) return render({ width, height });
  return (
    <ResponsiveContainer width="100%" height={height}>
      {render({})}
    </ResponsiveContainer>
  );
}

/**
 * A chart's numbers as a table for screen readers, visually hidden until focus enters it.
 * Hidden through a wrapping block: a table is never narrower than its content, so hidden
 * itself it still widened the page on narrow screens.
 */
export function ChartDataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="audit-visually-hidden" data-part="chart-table-frame">
      <table data-part="chart-table">
        <caption>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
