'use client';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithRef,
} from 'react';
import {
  EVENT_TYPES,
  SEVERITIES,
  type AuditLogQueryInput,
  type AuditLogSummary,
  type EventType,
  type ListFilter,
  type Severity,
} from '../../client/index.js';
import { useSummary } from '../../hooks/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { mergeFilterLabels, type FilterLabelOverrides } from './filter-labels.js';
import {
  TEXT_FILTERS,
  TIME_PRESETS,
  applyDrafts,
  clearFilters,
  compactQuery,
  draftsOf,
  filterChips,
  omitKeys,
  presetStart,
  type DraftKey,
  type Drafts,
  type TimePresetId,
} from './filter-model.js';
import { fromDateTimeLocal, toDateTimeLocal } from './zoned-time.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';

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
}

const EMPTY_QUERY: AuditLogQueryInput = {};

/** Time range, event types, severities, text filters and search, with the active filters as chips. */
export function AuditLogFilters({
  value,
  defaultValue,
  onChange,
  summary,
  labels: overrides,
  uiLabels,
  debounceMs = 300,
  className,
  ...rest
}: AuditLogFiltersProps) {
  const { labels: ui, locale, timeZone } = useAuditUi(uiLabels);
  // Event type names follow the shared labels (table, detail, charts) unless the filters'
  // own labels name them.
  const labels = useMemo(() => {
    const merged = mergeFilterLabels(overrides);
    return {
      ...merged,
      eventTypeNames: { ...ui.eventTypes, ...overrides?.eventTypeNames },
    };
  }, [overrides, ui.eventTypes]);
  const id = useId();

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

  // Text drafts follow the query whenever its text filters change from outside (chips, clear all).
  const committedKey = JSON.stringify(draftsOf(query));
  const [syncedKey, setSyncedKey] = useState(committedKey);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(query));
  if (syncedKey !== committedKey) {
    setSyncedKey(committedKey);
    setDrafts(draftsOf(query));
  }

  // The debounce timer reads the latest query and commit, so a checkbox ticked meanwhile stays.
  const latest = useRef({ query, commit, drafts });
  useEffect(() => {
    latest.current = { query, commit, drafts };
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const editDraft = (key: DraftKey, text: string) => {
    const next = { ...drafts, [key]: text };
    setDrafts(next);
    latest.current.drafts = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const { query: current, commit: send, drafts: pending } = latest.current;
      send(applyDrafts(current, pending));
    }, debounceMs);
  };

  // Chips and "Clear all" replace the text filters outright, so a pending edit is dropped.
  const replaceAll = (next: AuditLogQueryInput) => {
    clearTimeout(timer.current);
    const fresh = draftsOf(next);
    setDrafts(fresh);
    latest.current.drafts = fresh;
    commit(next);
  };

  const [preset, setPreset] = useState<{ id: TimePresetId; start: string } | null>(null);
  const activePreset =
    preset && query.end_date === undefined && query.start_date === preset.start ? preset.id : null;

  const choosePreset = (presetId: TimePresetId, ms: number) => {
    if (activePreset === presetId) {
      setPreset(null);
      commit(omitKeys(query, 'start_date', 'end_date'));
      return;
    }
    const start = presetStart(ms);
    setPreset({ id: presetId, start });
    commit({ ...omitKeys(query, 'end_date'), start_date: start });
  };

  const setBound = (key: 'start_date' | 'end_date', text: string) => {
    if (text === '') {
      commit(omitKeys(query, key));
      return;
    }
    const iso = fromDateTimeLocal(text, timeZone);
    if (iso !== undefined) commit({ ...query, [key]: iso });
  };

  const toggle = <K extends 'event_types' | 'severities'>(
    key: K,
    item: NonNullable<AuditLogQueryInput[K]>[number],
    on: boolean,
  ) => {
    const current = (query[key] ?? []) as readonly string[];
    const list = on
      ? [...current.filter((v) => v !== item), item]
      : current.filter((v) => v !== item);
    commit({ ...query, [key]: list });
  };

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

  const titles: Record<ListFilter, string> = {
    event_types: ui.eventType,
    severities: ui.severity,
    resource_types: labels.resourceType,
    resource_ids: ui.resource,
    actions: ui.action,
    user_ids: labels.user,
    ip_addresses: labels.ipAddress,
    session_ids: labels.sessionId,
    correlation_ids: labels.correlationId,
  };
  const chips = filterChips(query, {
    titles,
    from: labels.from,
    to: labels.to,
    search: labels.search,
    severity: (s: Severity) => ui.severities[s],
    eventType: (t: EventType) => labels.eventTypeNames[t],
    formatTime: (at) => {
      const ms = at instanceof Date ? at.getTime() : Date.parse(at);
      return Number.isNaN(ms) ? String(at) : time.format(ms);
    },
  });

  // The space sits between the spans so the accessible name reads "Error 40", not "Error40".
  const count = (n: number | undefined) =>
    summary ? (
      <>
        {' '}
        <span data-part="count">{number.format(n ?? 0)}</span>
      </>
    ) : null;

  const checkbox = <K extends 'event_types' | 'severities'>(
    key: K,
    item: NonNullable<AuditLogQueryInput[K]>[number],
    text: string,
    n: number | undefined,
  ) => {
    const checked = ((query[key] ?? []) as readonly string[]).includes(item);
    return (
      <label key={item} data-part="option" data-state={checked ? 'checked' : 'unchecked'}>
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => toggle(key, item, event.currentTarget.checked)}
        />
        <span data-part="option-label">{text}</span>
        {count(n)}
      </label>
    );
  };

  return (
    <div
      role="search"
      aria-label={labels.filters}
      data-scope="audit-log"
      data-part="filters"
      data-state={chips.length > 0 ? 'active' : 'empty'}
      className={className}
      {...rest}
    >
      <fieldset data-part="time-range">
        <legend>{labels.timeRange}</legend>
        <div data-part="presets">
          {TIME_PRESETS.map(({ id: presetId, ms }) => (
            <button
              key={presetId}
              type="button"
              data-part="preset"
              aria-pressed={activePreset === presetId}
              data-state={activePreset === presetId ? 'on' : 'off'}
              onClick={() => choosePreset(presetId, ms)}
            >
              {labels.presets[presetId]}
            </button>
          ))}
        </div>
        <label data-part="range-field">
          <span>{labels.from}</span>
          <input
            type="datetime-local"
            value={toDateTimeLocal(query.start_date, timeZone)}
            onChange={(event) => setBound('start_date', event.currentTarget.value)}
          />
        </label>
        <label data-part="range-field">
          <span>{labels.to}</span>
          <input
            type="datetime-local"
            value={toDateTimeLocal(query.end_date, timeZone)}
            onChange={(event) => setBound('end_date', event.currentTarget.value)}
          />
        </label>
      </fieldset>

      <fieldset data-part="event-types">
        <legend>{labels.eventTypes}</legend>
        {EVENT_TYPES.map((type) =>
          checkbox('event_types', type, labels.eventTypeNames[type], summary?.event_types[type]),
        )}
      </fieldset>

      <fieldset data-part="severities">
        <legend>{labels.severities}</legend>
        {SEVERITIES.map((severity) =>
          checkbox('severities', severity, ui.severities[severity], summary?.severities[severity]),
        )}
      </fieldset>

      <div data-part="text-filters">
        {TEXT_FILTERS.map(({ key, label }) => (
          <label key={key} data-part="text-field">
            <span>{labels[label]}</span>
            <input
              type="text"
              name={key}
              autoComplete="off"
              value={drafts[key]}
              onChange={(event) => editDraft(key, event.currentTarget.value)}
            />
          </label>
        ))}
        <label data-part="search-field">
          <span>{labels.search}</span>
          <input
            type="search"
            name="search"
            autoComplete="off"
            value={drafts.search}
            onChange={(event) => editDraft('search', event.currentTarget.value)}
          />
        </label>
      </div>

      <div data-part="chips" role="group" aria-labelledby={`${id}-chips`}>
        <span id={`${id}-chips`} data-part="chips-title">
          {labels.activeFilters}
        </span>
        <ul>
          {chips.map((chip) => (
            <li key={chip.id}>
              <button
                type="button"
                data-part="chip"
                aria-label={`${labels.removeFilter}: ${truncateText(chip.text, CELL_TEXT_LIMIT)}`}
                onClick={() => replaceAll(chip.without(query))}
              >
                <LongText text={chip.text} limit={CELL_TEXT_LIMIT} />
                <span aria-hidden="true"> ×</span>
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          data-part="clear-all"
          disabled={chips.length === 0}
          onClick={() => replaceAll(clearFilters(query))}
        >
          {labels.clearAll}
        </button>
      </div>
    </div>
  );
}

export type ConnectedAuditLogFiltersProps = Omit<AuditLogFiltersProps, 'summary'>;

/** `AuditLogFilters` with counts from `useSummary` for the current query. */
export function ConnectedAuditLogFilters({
  value,
  defaultValue,
  onChange,
  ...props
}: ConnectedAuditLogFiltersProps) {
  const [inner, setInner] = useState<AuditLogQueryInput>(defaultValue ?? EMPTY_QUERY);
  const query = value ?? inner;
  const { data } = useSummary(query);
  const handleChange = (next: AuditLogQueryInput) => {
    if (value === undefined) setInner(next);
    onChange?.(next);
  };
  return <AuditLogFilters {...props} value={query} onChange={handleChange} summary={data} />;
}
