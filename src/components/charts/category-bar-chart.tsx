'use client';
import { useMemo, type CSSProperties } from 'react';
import { Bar, BarChart, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import {
  ChartDataTable,
  ChartFrame,
  sizedChart,
  type ChartSizeProps,
  type ChartState,
} from './chart-frame.js';
import { seriesFill, seriesStyle, TOOLTIP_STYLE, type ChartSeries } from './chart-series.js';
import { ColumnHeads } from '../ui/column-heads.js';

export interface CategoryItem<K extends string> {
  key: K;
  label: string;
  value: number;
}

interface CategoryBarChartProps<K extends string> extends ChartSizeProps {
  part: string;
  title: string;
  state: ChartState;
  status: string;
  items: readonly CategoryItem<K>[];
  series: Partial<Record<K, ChartSeries>>;
  countLabel: string;
  categoryLabel: string;
  filterBy: (name: string) => string;
  locale: string | undefined;
  onSelect: ((value: K) => void) | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

/**
 * Horizontal bars, one per category, each painted from its series variable; a click on a bar
 * (or on its button in the data table, for keyboards) calls `onSelect` with the category.
 */
export function CategoryBarChart<K extends string>({
  part,
  title,
  state,
  status,
  items,
  series,
  countLabel,
  categoryLabel,
  filterBy,
  locale,
  onSelect,
  className,
  style,
  width,
  height,
}: CategoryBarChartProps<K>) {
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const rootStyle = useMemo(() => seriesStyle(series, style), [series, style]);
  const plot = sizedChart({ width, height }, (size) => (
    <BarChart
      {...size}
      data={items as CategoryItem<K>[]}
      layout="vertical"
      accessibilityLayer={false}
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
    >
      <XAxis type="number" allowDecimals={false} hide />
      <YAxis type="category" dataKey="label" width={120} tickLine={false} />
      <Tooltip
        {...TOOLTIP_STYLE}
        isAnimationActive={false}
        formatter={(value) => (typeof value === 'number' ? number.format(value) : value)}
      />
      <Bar
        dataKey="value"
        name={countLabel}
        isAnimationActive={false}
        shape={(props: BarShapeProps) => (
          <Rectangle
            {...props}
            fill={seriesFill(items[props.index]?.key ?? 'bar')}
            data-part="chart-bar"
            data-value={items[props.index]?.key}
          />
        )}
        {...(onSelect && {
          cursor: 'pointer',
          onClick: (_data: unknown, index: number) => {
            const item = items[index];
            if (item) onSelect(item.key);
          },
        })}
      />
    </BarChart>
  ));
  const table = (
    <ChartDataTable caption={title}>
      <ColumnHeads names={[categoryLabel, countLabel]} />
      <tbody>
        {items.map((item) => (
          <tr key={item.key}>
            <th scope="row">
              {onSelect ? (
                <button
                  type="button"
                  aria-label={filterBy(item.label)}
                  onClick={() => onSelect(item.key)}
                >
                  {item.label}
                </button>
              ) : (
                item.label
              )}
            </th>
            <td>{number.format(item.value)}</td>
          </tr>
        ))}
      </tbody>
    </ChartDataTable>
  );
  return (
    <ChartFrame
      part={part}
      title={title}
      state={state}
      status={status}
      className={className}
      style={rootStyle}
      plot={plot}
      table={table}
    />
  );
}
