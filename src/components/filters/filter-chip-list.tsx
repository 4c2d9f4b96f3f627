'use client';
import { Button } from '../ui/button.js';
import { useId } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import type { FilterLabels } from './filter-labels.js';
import { clearFilters, type FilterChip } from './filter-model.js';

export interface FilterChipListProps {
  chips: readonly FilterChip[];
  query: AuditLogQueryInput;
  /** Replaces the whole query (a chip removed, or all cleared). */
  onReplace: (next: AuditLogQueryInput) => void;
  labels: FilterLabels;
}

/** The active filters, one removable chip per value, and "Clear all". */
export function FilterChipList({ chips, query, onReplace, labels }: FilterChipListProps) {
  const id = useId();
  return (
    <div data-part="chips" role="group" aria-labelledby={`${id}-chips`}>
      <span id={`${id}-chips`} data-part="chips-title">
        {labels.activeFilters}
      </span>
      <ul>
        {chips.map((chip) => (
          <li key={chip.id}>
            <Button
              size="sm"
              data-part="chip"
              aria-label={`${labels.removeFilter}: ${truncateText(chip.text, CELL_TEXT_LIMIT)}`}
              onClick={() => (chip.remove ? chip.remove() : onReplace(chip.without(query)))}
            >
              <LongText text={chip.text} limit={CELL_TEXT_LIMIT} />
              <span aria-hidden="true">×</span>
            </Button>
          </li>
        ))}
      </ul>
      <Button
        variant="ghost"
        size="sm"
        data-part="clear-all"
        disabled={chips.length === 0}
        onClick={() => onReplace(clearFilters(query))}
      >
        {labels.clearAll}
      </Button>
    </div>
  );
}
