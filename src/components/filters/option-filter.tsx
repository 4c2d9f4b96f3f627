'use client';
import type { ListFilter } from '../../contract/schemas/query.js';
import type { FilterNames } from './filter-labels.js';

export interface OptionFilterProps {
  filter: ListFilter;
  /** The values offered, in order. */
  values: readonly string[];
  /** The values ticked. */
  selected: readonly string[];
  onToggle: (item: string, on: boolean) => void;
  names: FilterNames;
  /** Count per value, shown beside it when known. */
  counts: Readonly<Record<string, number>> | undefined;
  formatCount: (n: number) => string;
}

/** One enum filter (event types, severities) as checkboxes with counts. */
export function OptionFilter({
  filter,
  values,
  selected,
  onToggle,
  names,
  counts,
  formatCount,
}: OptionFilterProps) {
  return (
    <fieldset data-part={filter.replace(/_/g, '-')}>
      <legend>{names.legend(filter)}</legend>
      {values.map((item) => {
        const checked = selected.includes(item);
        return (
          <label key={item} data-part="option" data-state={checked ? 'checked' : 'unchecked'}>
            <input
              type="checkbox"
              checked={checked}
              onChange={(event) => onToggle(item, event.currentTarget.checked)}
            />
            <span data-part="option-label">{names.value(filter, item)}</span>
            {/* The space sits between the spans so the name reads "Error 40", not "Error40". */}
            {counts ? (
              <>
                {' '}
                <span data-part="count">{formatCount(counts[item] ?? 0)}</span>
              </>
            ) : null}
          </label>
        );
      })}
    </fieldset>
  );
}
