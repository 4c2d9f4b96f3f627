'use client';
import { useState } from 'react';
import type { RelativeDuration } from '../../client/search/index.js';
import { TIME_PRESETS } from '../filters/filter-model.js';
import { fromDateTimeLocal, toDateTimeLocal } from '../filters/zoned-time.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { Button } from '../ui/button.js';
import { Popover } from '../ui/popover.js';
import { TextInput } from '../ui/text-input.js';
import type { AuditLogViewController } from './view-context.js';

const BOUNDS = [
  ['start_date', 'from'],
  ['end_date', 'to'],
] as const;

/**
 * The view's time range as one button in the top bar, opening presets that count back from
 * now (kept relative, so a shared link shows the last hour of whenever it is opened), all
 * time, and absolute from/to fields in the viewer's time zone.
 */
export function TimeRangeMenu({ view }: { view: AuditLogViewController }) {
  const { labels, locale, timeZone } = useAuditUi();
  const [open, setOpen] = useState(false);
  const { query, last } = view;
  const names = labels.filters;
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  const shown = (at: string | Date | number) => format.format(new Date(at));

  const presetName = (duration: RelativeDuration) =>
    (names.presets as Readonly<Record<string, string>>)[duration] ??
    `${names.lastDuration} ${duration}`;
  const title = last
    ? presetName(last)
    : query.start_date !== undefined && query.end_date !== undefined
      ? `${shown(query.start_date)} – ${shown(query.end_date)}`
      : query.start_date !== undefined
        ? labels.timeSince(shown(query.start_date))
        : query.end_date !== undefined
          ? labels.timeUntil(shown(query.end_date))
          : labels.allTime;

  const withoutRange = { ...query, start_date: undefined, end_date: undefined };
  const choose = (duration: RelativeDuration | undefined) => {
    view.setQuery({ ...withoutRange, last: duration });
    setOpen(false);
  };
  const setBound = (key: 'start_date' | 'end_date', text: string) => {
    const iso = text === '' ? undefined : fromDateTimeLocal(text, timeZone);
    if (text !== '' && iso === undefined) return;
    view.setQuery({ ...query, [key]: iso, last: undefined });
  };

  return (
    <Popover
      trigger={title}
      label={names.timeRange}
      open={open}
      onOpenChange={setOpen}
      triggerProps={{ 'data-part': 'time-range-trigger', title: names.timeRange }}
      panelProps={{ 'data-part': 'time-range-panel' }}
    >
      <div data-part="presets" role="group" aria-label={names.timeRange}>
        {TIME_PRESETS.map(({ id }) => (
          <Button
            key={id}
            size="sm"
            variant={last === id ? 'primary' : 'secondary'}
            aria-pressed={last === id}
            onClick={() => choose(id)}
          >
            {presetName(id)}
          </Button>
        ))}
        <Button
          size="sm"
          variant={!last && !query.start_date && !query.end_date ? 'primary' : 'secondary'}
          onClick={() => choose(undefined)}
        >
          {labels.allTime}
        </Button>
      </div>
      {BOUNDS.map(([key, label]) => (
        <label key={key} data-part="range-field">
          <span>{names[label]}</span>
          <TextInput
            type="datetime-local"
            value={last ? '' : toDateTimeLocal(query[key], timeZone)}
            onChange={(event) => setBound(key, event.currentTarget.value)}
          />
        </label>
      ))}
    </Popover>
  );
}
