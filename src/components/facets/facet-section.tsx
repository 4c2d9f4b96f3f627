'use client';
import { useId, useState } from 'react';
import type { AuditLogQueryInput, FacetField, FacetValue } from '../../client/index.js';
import type { FilterLabels } from '../filters/filter-labels.js';
import { LongText } from '../format/long-text.js';
import { Button, IconButton } from '../ui/button.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import { AuditName } from '../names/audit-name.js';
import { nameKindOf } from '../names/name-fields.js';
import { facetRows, facetValueState, setFacetValue } from './facet-model.js';

export interface FacetSectionProps {
  field: FacetField;
  title: string;
  valueName: (value: string) => string;
  query: AuditLogQueryInput;
  onChange: (query: AuditLogQueryInput) => void;
  /** Undefined until counted. */
  values: readonly FacetValue[] | undefined;
  long: boolean;
  onLongChange: ((long: boolean) => void) | undefined;
  shortLength: number;
  loading: boolean;
  defaultOpen: boolean;
  labels: FilterLabels;
  formatCount: (n: number) => string;
}

/** One field: a heading that shows and hides its values, each with its count. */
export function FacetSection({
  field,
  title,
  valueName,
  query,
  onChange,
  values,
  long,
  onLongChange,
  shortLength,
  loading,
  defaultOpen,
  labels,
  formatCount,
}: FacetSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  const counted = values ?? [];
  const shown = long ? counted : counted.slice(0, shortLength);
  const rows = facetRows(query, field, shown);
  const hasMore = !long && counted.length > shortLength;
  const nameKind = nameKindOf(field);
  return (
    <section
      data-part="facet"
      data-field={field}
      data-state={open ? 'open' : 'closed'}
      aria-labelledby={`${id}-title`}
    >
      <h3 data-part="facet-title">
        <button
          type="button"
          id={`${id}-title`}
          aria-expanded={open}
          aria-controls={`${id}-values`}
          onClick={() => setOpen(!open)}
        >
          {title}
        </button>
      </h3>
      <div id={`${id}-values`} hidden={!open} aria-busy={loading}>
        {rows.length === 0 ? (
          <p data-part="facet-empty">
            {values === undefined ? labels.loadingValues : labels.noValues}
          </p>
        ) : (
          <ul data-part="facet-values">
            {rows.map(({ value, count }) => {
              const state = facetValueState(query, field, value);
              const name = valueName(value);
              const short = truncateText(name, CELL_TEXT_LIMIT);
              return (
                <li key={value} data-part="facet-value" data-state={state}>
                  <button
                    type="button"
                    data-part="facet-include"
                    aria-pressed={state === 'included'}
                    onClick={(event) =>
                      onChange(
                        setFacetValue(query, field, value, event.altKey ? 'excluded' : 'included'),
                      )
                    }
                  >
                    {nameKind ? (
                      <AuditName kind={nameKind} id={value} />
                    ) : (
                      <LongText text={name} limit={CELL_TEXT_LIMIT} />
                    )}
                    {state === 'excluded' ? (
                      <>
                        {' '}
                        <span data-part="facet-excluded">({labels.excludedValue})</span>
                      </>
                    ) : null}
                    {count === undefined ? null : (
                      <>
                        {' '}
                        <span data-part="count">{formatCount(count)}</span>
                      </>
                    )}
                  </button>
                  <IconButton
                    size="sm"
                    data-part="facet-exclude"
                    aria-pressed={state === 'excluded'}
                    label={`${labels.excludeValue} ${title}: ${short}`}
                    icon="−"
                    onClick={() => onChange(setFacetValue(query, field, value, 'excluded'))}
                  />
                </li>
              );
            })}
          </ul>
        )}
        {onLongChange && (hasMore || long) ? (
          <Button
            variant="ghost"
            size="sm"
            data-part="facet-more"
            aria-label={`${long ? labels.fewerValues : labels.moreValues}: ${title}`}
            onClick={() => onLongChange(!long)}
          >
            {long ? labels.fewerValues : labels.moreValues}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
