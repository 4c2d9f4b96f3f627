// The query bar and the facet sidebar over one list of events, the query kept in the URL:
// the investigation flow of a viewer, with nothing else on the page.
import { QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { AuditLogClient } from '../../../src/client/index.js';
import { resolveAuditSearch, type AuditSearchQuery } from '../../../src/client/search/index.js';
import {
  ConnectedAuditQueryBar,
  ConnectedFacetSidebar,
  useAuditQueryParams,
  type QueryBarValue,
} from '../../../src/components/index.js';
import '../../../src/components/styles.css';
import { AuditLogProvider, useAuditEvents } from '../../../src/hooks/index.js';

const params = new URLSearchParams(window.location.search);
const client = new AuditLogClient({
  baseUrl: window.location.origin,
  apiKey: params.get('key') ?? '',
  tenantId: params.get('tenant') ?? '',
});

function Investigation() {
  const [state, setState] = useAuditQueryParams();
  const value: QueryBarValue = useMemo(
    () => ({ ...state.query, ...(state.last ? { last: state.last } : {}) }),
    [state.query, state.last],
  );
  const change = ({ last, ...query }: QueryBarValue) =>
    setState((previous) => ({ ...previous, query, last, page: 1 }));
  const resolved = useMemo(() => resolveAuditSearch(value as AuditSearchQuery), [value]);
  const events = useAuditEvents(resolved, { size: 100 });
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '16rem 1fr', gap: '1rem' }}>
      <ConnectedFacetSidebar
        value={state.query}
        onChange={(query) => change({ ...query, last: state.last })}
      />
      <div>
        <h1>Investigation</h1>
        <ConnectedAuditQueryBar value={value} onChange={change} />
        <p role="status">{events.data ? `${events.data.total} events` : 'Loading…'}</p>
        <ul aria-label="Events">
          {events.data?.items.map((event) => (
            <li key={event.id} data-id={event.id}>
              {event.severity} {event.action} {event.user_id} — {event.description}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <AuditLogProvider client={client} queryClient={new QueryClient()}>
    <Investigation />
  </AuditLogProvider>,
);
