'use client';
import { Button } from '../ui/button.js';
import { TextInput } from '../ui/text-input.js';
import { useState } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import type { RelativeDuration } from '../../client/search/index.js';
import type { FilterLabels } from './filter-labels.js';
import { TIME_PRESETS, omitKeys, presetStart, type TimePresetId } from './filter-model.js';
import { fromDateTimeLocal, toDateTimeLocal } from './zoned-time.js';

const BOUNDS = [
  ['start_date', 'from'],
  ['end_date', 'to'],
] as const;

export interface TimeRangeFieldsProps {
  query: AuditLogQueryInput;
  commit: (next: AuditLogQueryInput) => void;
  labels: FilterLabels;
  timeZone: string | undefined;
  /** The relative range in force, when the owner keeps one beside the query. */
  last?: RelativeDuration | undefined;
  /** Given, a preset is kept relative (`last`) and replaces both bounds; see `AuditLogFilters`. */
  onLastChange?: ((last: RelativeDuration | undefined) => void) | undefined;
}

/** Presets ("Last hour"…) and from/to inputs in the viewer's time zone. */
export function TimeRangeFields({
  query,
  commit,
  labels,
  timeZone,
  last,
  onLastChange,
}: TimeRangeFieldsProps) {
  const [preset, setPreset] = useState<{ id: TimePresetId; start: string } | null>(null);
  const activePreset = onLastChange
    ? ((TIME_PRESETS.find(({ id }) => id === last)?.id ?? null) as TimePresetId | null)
    : preset && query.end_date === undefined && query.start_date === preset.start
      ? preset.id
      : null;

  const choosePreset = (presetId: TimePresetId, ms: number) => {
    if (onLastChange) {
      onLastChange(activePreset === presetId ? undefined : presetId);
      return;
    }
    // Without an owner for `last`, the query alone can only say where the range starts.
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

  return (
    <fieldset data-part="time-range">
      <legend>{labels.timeRange}</legend>
      <div data-part="presets">
        {TIME_PRESETS.map(({ id: presetId, ms }) => (
          <Button
            key={presetId}
            size="sm"
            data-ui="toggle"
            data-part="preset"
            aria-pressed={activePreset === presetId}
            data-state={activePreset === presetId ? 'on' : 'off'}
            onClick={() => choosePreset(presetId, ms)}
          >
            {labels.presets[presetId]}
          </Button>
        ))}
      </div>
      {BOUNDS.map(([key, label]) => (
        <label key={key} data-part="range-field">
          <span>{labels[label]}</span>
          <TextInput
            type="datetime-local"
            value={last && onLastChange ? '' : toDateTimeLocal(query[key], timeZone)}
            onChange={(event) => setBound(key, event.currentTarget.value)}
          />
        </label>
      ))}
    </fieldset>
  );
}
