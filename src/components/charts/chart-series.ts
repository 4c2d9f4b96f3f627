import type { CSSProperties } from 'react';
import { SEVERITIES, type Severity } from '../../client/index.js';

/** One series of a chart: its colour, any CSS colour (custom properties included). */
export interface ChartSeries {
  color: string;
}

/** Series by key; each becomes the CSS variable `--audit-chart-<key>` on the chart's root. */
export type ChartSeriesConfig<K extends string> = Record<K, ChartSeries>;

/** Severities take the theme's severity colours, so light and dark themes apply as they are. */
export const SEVERITY_SERIES: ChartSeriesConfig<Severity> = Object.fromEntries(
  SEVERITIES.map((severity) => [severity, { color: `var(--audit-severity-${severity})` }]),
) as ChartSeriesConfig<Severity>;

/** The paint of one series, for a recharts `fill`. */
export const seriesFill = (key: string) => `var(--audit-chart-${key})`;

/**
 * The series map as custom properties in the root's `style`, in place of an injected
 * `<style>` element: nothing to clean up, nothing for a CSP to block, and an app can still
 * override `--audit-chart-*` on any descendant selector.
 */
export function seriesStyle(
  series: Partial<Record<string, ChartSeries>>,
  style?: CSSProperties,
): CSSProperties {
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(series)) {
    if (value) variables[`--audit-chart-${key}`] = value.color;
  }
  return { ...variables, ...style };
}

/** Tooltip box in the theme's colours (inline styles on recharts' own element, no `<style>`). */
export const TOOLTIP_STYLE = {
  contentStyle: {
    background: 'var(--audit-bg)',
    border: '1px solid var(--audit-border)',
    borderRadius: 'var(--audit-radius)',
    color: 'var(--audit-fg)',
  },
  labelStyle: { fontWeight: 600 },
  cursor: { fill: 'var(--audit-surface)' },
} as const;
