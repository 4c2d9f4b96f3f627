'use client';
import { TextInput } from '../ui/text-input.js';
import type { FilterLabels, FilterNames } from './filter-labels.js';
import { TEXT_FILTERS, type DraftKey, type Drafts } from './filter-model.js';

export interface TextFiltersProps {
  drafts: Drafts;
  onEdit: (key: DraftKey, text: string) => void;
  labels: FilterLabels;
  names: FilterNames;
}

/** One text field per typed filter of the field table, then the search box. */
export function TextFilters({ drafts, onEdit, labels, names }: TextFiltersProps) {
  return (
    <div data-part="text-filters">
      {TEXT_FILTERS.map((key) => (
        <label key={key} data-part="text-field">
          <span>{names.title(key)}</span>
          <TextInput
            name={key}
            autoComplete="off"
            value={drafts[key] ?? ''}
            onChange={(event) => onEdit(key, event.currentTarget.value)}
          />
        </label>
      ))}
      <label data-part="search-field">
        <span>{labels.search}</span>
        <TextInput
          type="search"
          name="search"
          autoComplete="off"
          value={drafts.search}
          onChange={(event) => onEdit('search', event.currentTarget.value)}
        />
      </label>
    </div>
  );
}
