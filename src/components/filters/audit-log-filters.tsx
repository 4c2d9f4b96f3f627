'use client';
import { useCallback, useMemo, useState, type ComponentPropsWithRef } from 'react';
import type { AuditLogQueryInput, AuditLogSummary } from '../../client/index.js';
import type { RelativeDuration } from '../../client/search/index.js';
import { filterFields } from '../../contract/filter-lists.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { mergeLabels, type AuditLabelOverrides } from '../ui/labels.js';
import { FilterChipList } from './filter-chip-list.js';
import { filterNames, type FilterLabelOverrides } from './filter-labels.js';
import { compactQuery, filterChips } from './filter-model.js';
import { OptionFilter } from './option-filter.js';
import { TextFilters } from './text-filters.js';
import { TimeRangeFields } from './time-range-fields.js';
import { useFilterDrafts } from './use-filter-drafts.js';
import { rootProps } from '../ui/root-props.js';
import { useAuditLogViewContext } from '../viewer/view-context.js';

export interface AuditLogFiltersProps extends Omit<
  ComponentPropsWithRef<'div'>,
  'onChange' | 'defaultValue' | 'children'
> {
  /** The query, when the parent owns it (controlled). */
  value?: AuditLogQueryInput;
  /** The starting query when the component owns it (uncontrolled). */
  defaultValue?: AuditLogQueryInput;
  /** Called with the whole new query on every change (text fields after the debounce). */
  onChange?: (query: AuditLogQueryInput) => void;
  /** Counts shown beside each event type and severity. */
  summary?: AuditLogSummary | undefined;
  /** The filters' own strings. */
  labels?: FilterLabelOverrides;
  /** Shared strings (severity names, "Severity"…), merged over the `AuditUiProvider`'s. */
  uiLabels?: AuditLabelOverrides;
  /** Milliseconds of quiet before typed text becomes a filter. */
  debounceMs?: number;
  /** A range counting back from now (`last=24h` in the URL), shown as a chip. */
  last?: RelativeDuration | undefined;
  /**
   * A relative range was chosen (a preset) or removed (its chip); the receiver drops
   * `start_date` and `end_date` with it. Given, the presets stay relative, so a link or a saved
   * view shows the last 24 hours of whenever it is opened; left out, a preset sets an absolute
   * `start_date`, the only range a plain query can hold. Inside `<AuditLogView>`, the view's.
   */
  onLastChange?: (last: RelativeDuration | undefined) => void;
}

const EMPTY_QUERY: AuditLogQueryInput = {};

/**
 * Time range, event types, severities, text filters and search, with the active filters as
 * chips. Given neither `value` nor `defaultValue` inside `<AuditLogView>`, it edits that view.
 */
export function AuditLogFilters(props: AuditLogFiltersProps) {
  const view = useAuditLogViewContext();
  const fromView = view !== null && !('value' in props) && !('defaultValue' in props);
  return fromView ? (
    <FiltersFromProps
      value={view.query}
      onChange={view.setQuery}
      summary={view.summary.data}
      last={view.last}
      onLastChange={(last) =>
        view.setQuery({ ...view.query, start_date: undefined, end_date: undefined, last })
      }
      {...props}
    />
  ) : (
    <FiltersFromProps {...props} />
  );
}

function FiltersFromProps({
  value,
  defaultValue,
  onChange,
  summary,
  labels: overrides,
  uiLabels,
  debounceMs = 300,
  last,
  onLastChange,
  className,
  ...rest
}: AuditLogFiltersProps) {
  const { labels: ui, locale, timeZone } = useAuditUi(uiLabels);
  const labels = useMemo(() => mergeLabels(ui.filters, overrides), [ui.filters, overrides]);

  const [inner, setInner] = useState<AuditLogQueryInput>(defaultValue ?? EMPTY_QUERY);
  const controlled = value !== undefined;
  const query = controlled ? value : inner;

  const commit = useCallback(
    (next: AuditLogQueryInput) => {
      const compact = compactQuery(next);
      if (!controlled) setInner(compact);
      onChange?.(compact);
    },
    [controlled, onChange],
  );
  const { drafts, editDraft, replaceAll } = useFilterDrafts(query, commit, debounceMs);

  const names = useMemo(() => filterNames(labels, ui), [labels, ui]);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(timeZone === undefined ? {} : { timeZone }),
      }),
    [locale, timeZone],
  );
  const chips = filterChips(
    query,
    {
      ...names,
      from: labels.from,
      to: labels.to,
      search: labels.search,
      not: labels.notValue,
      timeRange: labels.timeRange,
      last: (duration) =>
        (labels.presets as Readonly<Record<string, string>>)[duration] ??
        `${labels.lastDuration} ${duration}`,
      formatTime: (at) => {
        const ms = at instanceof Date ? at.getTime() : Date.parse(at);
        return Number.isNaN(ms) ? String(at) : time.format(ms);
      },
    },
    last ? { duration: last, clear: () => onLastChange?.(undefined) } : undefined,
  );
  const lists = query as Readonly<Record<string, readonly string[] | undefined>>;
  // The summary counts enum filters under the filter's own name (`event_types`, `severities`).
  const counts = summary as
    Readonly<Record<string, Record<string, number> | undefined>> | undefined;

  return (
    <div
      role="search"
      aria-label={labels.filters}
      {...rootProps('filters', className, chips.length > 0 ? 'active' : 'empty')}
      {...rest}
    >
      <TimeRangeFields
        query={query}
        commit={commit}
        labels={labels}
        timeZone={timeZone}
        last={last}
        onLastChange={onLastChange}
      />
      {filterFields()
        .filter(([, row]) => row.kind === 'enum')
        .map(([key, row]) => (
          <OptionFilter
            key={key}
            filter={key}
            values={row.values ?? []}
            selected={lists[key] ?? []}
            onToggle={(item, on) => {
              const current = lists[key] ?? [];
              const rest = current.filter((v) => v !== item);
              commit({ ...query, [key]: on ? [...rest, item] : rest });
            }}
            names={names}
            counts={counts ? (counts[key] ?? {}) : undefined}
            formatCount={(n) => number.format(n)}
          />
        ))}
      <TextFilters drafts={drafts} onEdit={editDraft} labels={labels} names={names} />
      <FilterChipList chips={chips} query={query} onReplace={replaceAll} labels={labels} />
    </div>
  );
}

export type ConnectedAuditLogFiltersProps = Omit<AuditLogFiltersProps, 'summary'>;

/** `AuditLogFilters` with counts from `useSummary` for the current query; inside `<AuditLogView>`, the view's. */
export function ConnectedAuditLogFilters({
  value,
  defaultValue,
  onChange,
  ...props
}: ConnectedAuditLogFiltersProps) {
  const [inner, setInner] = useState<AuditLogQueryInput>(defaultValue ?? EMPTY_QUERY);
  const query = value ?? inner;
  const view = useAuditLogViewContext();
  // Counted over the relative range too, as the list beside them is.
  const { data } = useSummary(props.last ? { ...query, last: props.last } : query, {
    enabled: view === null,
  });
  if (view) return <AuditLogFilters {...props} />;
  const handleChange = (next: AuditLogQueryInput) => {
    if (value === undefined) setInner(next);
    onChange?.(next);
  };
  return <AuditLogFilters {...props} value={query} onChange={handleChange} summary={data} />;
}
