'use client';
import { useMemo, useState } from 'react';
import type { FacetField } from '../../client/index.js';
import { resolveAuditSearch, type AuditSearchQuery } from '../../client/search/index.js';
import { useFacets } from '../../hooks/index.js';
import { AuditQueryBar, type AuditQueryBarProps } from './audit-query-bar.js';
import type { QueryBarValue } from './query-bar-model.js';

export type ConnectedAuditQueryBarProps = Omit<
  AuditQueryBarProps,
  'values' | 'onActiveFieldChange'
>;

/**
 * `AuditQueryBar` whose value suggestions are the most frequent values of the field being
 * typed, counted over the applied query without that field's own filter.
 */
export function ConnectedAuditQueryBar(props: ConnectedAuditQueryBarProps) {
  const [field, setField] = useState<FacetField | undefined>(undefined);
  const fields = useMemo(() => (field ? [field] : []), [field]);
  // `last` counts back from when the query was applied, not from every render.
  const query = useMemo(() => resolveAuditSearch(toSearchQuery(props.value)), [props.value]);
  const { facets } = useFacets(fields, query, { ownFilters: 'ignore' });
  return <AuditQueryBar {...props} values={facets} onActiveFieldChange={setField} />;
}

const SORT_KEYS: ReadonlySet<string> = new Set(['sort_by', 'sort_order']);

/** The applied query's filters as the search language holds them: no sort, dates as text. */
function toSearchQuery(value: QueryBarValue): AuditSearchQuery {
  const { start_date, end_date, ...rest } = value;
  const iso = (at: Date | string | undefined) => (at instanceof Date ? at.toISOString() : at);
  return {
    ...(Object.fromEntries(
      Object.entries(rest).filter(([key]) => !SORT_KEYS.has(key)),
    ) as AuditSearchQuery),
    ...(start_date === undefined ? {} : { start_date: iso(start_date) }),
    ...(end_date === undefined ? {} : { end_date: iso(end_date) }),
  };
}
