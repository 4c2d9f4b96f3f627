'use client';
import { Button } from '../ui/button.js';
import { useId } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import { LongText } from '../format/long-text.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';
import type { FilterLabels } from './filter-labels.js';
import { AuditName } from '../names/audit-name.js';
import { nameKindOfFilter } from '../names/name-fields.js';
import type { AuditNameKind } from '../names/name-resolver.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { clearFilters, type FilterChip } from './filter-model.js';

export interface FilterChipListProps {
  chips: readonly FilterChip[];
  query: AuditLogQueryInput;
  /** Replaces the whole query (a chip removed, or all cleared). */
  onReplace: (next: AuditLogQueryInput) => void;
  labels: FilterLabels;
}

interface ChipProps {
  text: string;
  /** The whole name and the id, where the chip shows a name. */
  title?: string | undefined;
  removeLabel: string;
  onRemove: () => void;
}

function Chip({ text, title, removeLabel, onRemove }: ChipProps) {
  return (
    <Button
      size="sm"
      data-part="chip"
      aria-label={`${removeLabel}: ${truncateText(text, CELL_TEXT_LIMIT)}`}
      title={title}
      onClick={onRemove}
    >
      <LongText text={text} limit={CELL_TEXT_LIMIT} />
      <span aria-hidden="true">×</span>
    </Button>
  );
}

/** A user's or a resource's chip: the host's name for the id, the id in its tooltip. */
function NamedChip({
  kind,
  item,
  ...rest
}: Omit<ChipProps, 'text' | 'title'> & {
  kind: AuditNameKind;
  item: NonNullable<FilterChip['item']>;
}) {
  const { labels } = useAuditUi();
  return (
    <AuditName kind={kind} id={item.value}>
      {(entry) => (
        <Chip
          text={`${item.prefix}${entry?.name ?? item.value}`}
          title={
            entry
              ? labels.names.withId(truncateText(entry.name, CELL_TEXT_LIMIT), item.value)
              : undefined
          }
          {...rest}
        />
      )}
    </AuditName>
  );
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
        {chips.map((chip) => {
          const remove = () => (chip.remove ? chip.remove() : onReplace(chip.without(query)));
          const kind = chip.item && nameKindOfFilter(chip.item.key);
          return (
            <li key={chip.id}>
              {kind && chip.item ? (
                <NamedChip
                  kind={kind}
                  item={chip.item}
                  removeLabel={labels.removeFilter}
                  onRemove={remove}
                />
              ) : (
                <Chip text={chip.text} removeLabel={labels.removeFilter} onRemove={remove} />
              )}
            </li>
          );
        })}
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
