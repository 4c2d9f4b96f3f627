'use client';
import { useMemo, useState, type ComponentPropsWithRef } from 'react';
import type { AuditLogQueryInput, FacetField, FacetValue } from '../../client/index.js';
import { MAX_FACET_LIMIT } from '../../contract/constants.js';
import { facetFilter } from '../../contract/facet-filter.js';
import { FACET_FIELDS } from '../../contract/filter-lists.js';
import { NotFoundError } from '../../client/index.js';
import { useFacets } from '../../hooks/index.js';
import { filterNames, type FilterLabelOverrides } from '../filters/filter-labels.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { mergeLabels, type AuditLabelOverrides } from '../ui/labels.js';
import { rootProps } from '../ui/root-props.js';
import { Button } from '../ui/button.js';
import { FacetSection } from './facet-section.js';

export interface FacetSidebarProps extends Omit<
  ComponentPropsWithRef<'nav'>,
  'onChange' | 'children'
> {
  /** The query the counts are for; picking a value changes it. */
  value: AuditLogQueryInput;
  onChange: (query: AuditLogQueryInput) => void;
  /** Fields listed, in order; every facet field by default. */
  fields?: readonly FacetField[];
  /** Counted values per field, most frequent first. */
  facets: Partial<Record<FacetField, readonly FacetValue[]>>;
  /** Fields whose list is long ("more" was pressed). */
  expanded?: ReadonlySet<FacetField>;
  /** "More" / "Fewer" pressed on a field. */
  onExpandedChange?: (field: FacetField, expanded: boolean) => void;
  /** Values a short list shows before "More". */
  shortLength?: number;
  /** Counts are on their way. */
  loading?: boolean;
  /** Why there are no counts: `unavailable` (the server has no facets) or `error`. */
  problem?: 'unavailable' | 'error' | undefined;
  onRetry?: () => void;
  /** Fields whose section starts collapsed. */
  defaultCollapsed?: readonly FacetField[];
  labels?: FilterLabelOverrides;
  uiLabels?: AuditLabelOverrides;
}

const SHORT_LENGTH = 5;

/**
 * The top values of each field with their counts, in collapsible sections: pick a value to
 * show only its events, exclude it (its "−" button, or Alt+click on the value) to hide them.
 */
export function FacetSidebar({
  value: query,
  onChange,
  fields = FACET_FIELDS,
  facets,
  expanded,
  onExpandedChange,
  shortLength = SHORT_LENGTH,
  loading = false,
  problem,
  onRetry,
  defaultCollapsed = [],
  labels: overrides,
  uiLabels,
  className,
  ...rest
}: FacetSidebarProps) {
  const { labels: ui, locale } = useAuditUi(uiLabels);
  const labels = useMemo(() => mergeLabels(ui.filters, overrides), [ui.filters, overrides]);
  const names = useMemo(() => filterNames(labels, ui), [labels, ui]);
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const state = problem ?? (loading ? 'loading' : 'ready');
  return (
    <nav aria-label={labels.facets} {...rootProps('facets', className, state)} {...rest}>
      {problem ? (
        <p data-part="facets-status" role={problem === 'error' ? 'alert' : 'status'}>
          {problem === 'unavailable' ? labels.facetsUnavailable : labels.facetsError}
          {problem === 'error' && onRetry ? (
            <>
              {' '}
              <Button size="sm" onClick={onRetry}>
                {ui.retry}
              </Button>
            </>
          ) : null}
        </p>
      ) : null}
      {fields.map((field) => {
        const key = facetFilter(field);
        return (
          <FacetSection
            key={field}
            field={field}
            title={names.title(key)}
            valueName={(item) => names.value(key, item)}
            query={query}
            onChange={onChange}
            values={facets[field]}
            long={expanded?.has(field) ?? false}
            onLongChange={onExpandedChange && ((long) => onExpandedChange(field, long))}
            shortLength={shortLength}
            loading={loading && !problem}
            defaultOpen={!defaultCollapsed.includes(field)}
            labels={labels}
            formatCount={(n) => number.format(n)}
          />
        );
      })}
    </nav>
  );
}

export interface ConnectedFacetSidebarProps extends Omit<
  FacetSidebarProps,
  'facets' | 'expanded' | 'onExpandedChange' | 'loading' | 'problem' | 'onRetry'
> {
  /** Values per field a short list asks for; "more" asks for up to 100. Default 10. */
  limit?: number;
}

/**
 * `FacetSidebar` with counts from `useFacets`: each field counted over the query without its
 * own filter, so the other values of a picked field stay on offer.
 */
export function ConnectedFacetSidebar({
  value,
  fields = FACET_FIELDS,
  limit = 10,
  shortLength = limit,
  ...props
}: ConnectedFacetSidebarProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<FacetField>>(() => new Set());
  const short = useMemo(() => fields.filter((field) => !expanded.has(field)), [fields, expanded]);
  const long = useMemo(() => fields.filter((field) => expanded.has(field)), [fields, expanded]);
  const shortCounts = useFacets(short, value, { limit: limit + 1, ownFilters: 'ignore' });
  const longCounts = useFacets(long, value, { limit: MAX_FACET_LIMIT, ownFilters: 'ignore' });
  const error = shortCounts.error ?? longCounts.error;
  const facets = useMemo(
    () => ({ ...shortCounts.facets, ...longCounts.facets }),
    [shortCounts.facets, longCounts.facets],
  );
  return (
    <FacetSidebar
      {...props}
      value={value}
      fields={fields}
      facets={facets}
      shortLength={shortLength}
      expanded={expanded}
      onExpandedChange={(field, on) =>
        setExpanded((previous) => {
          const next = new Set(previous);
          if (on) next.add(field);
          else next.delete(field);
          return next;
        })
      }
      loading={shortCounts.isFetching || longCounts.isFetching}
      problem={error ? (error instanceof NotFoundError ? 'unavailable' : 'error') : undefined}
      onRetry={() => {
        shortCounts.refetch();
        longCounts.refetch();
      }}
    />
  );
}
