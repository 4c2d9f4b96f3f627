'use client';
import { ConnectedFacetSidebar } from '../facets/index.js';
import { AuditLogFilters } from '../filters/index.js';
import { useAuditLogViewContext } from './view-context.js';

/** Fields the sidebar lists with counts, beyond the filters' event types and severities. */
const COUNTED_FIELDS = ['action', 'resource_type', 'user_id'] as const;

/** The viewer's default sidebar: the filters, then the counts of the listed fields. */
export default function ViewerSidebar() {
  const view = useAuditLogViewContext()!;
  return (
    <>
      <AuditLogFilters />
      {/* With `last`, so the counts cover the rows' range; a pick keeps the range. */}
      <ConnectedFacetSidebar
        value={view.fetchQuery}
        onChange={view.setQuery}
        fields={COUNTED_FIELDS}
      />
    </>
  );
}
