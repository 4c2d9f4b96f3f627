import { useState } from 'react';
import { Button } from '../../src/components/index.js';
import { useAuditEvents, useSummary } from '../../src/hooks/index.js';

/** The "hooks in your own page" path: the host's own markup over the SDK's hooks. */
export function HooksPage() {
  const [page, setPage] = useState(1);
  const summary = useSummary({}, { interval: 'day' });
  const events = useAuditEvents(
    { severities: ['critical', 'error'] },
    { page, size: 15, live: true },
  );
  return (
    <section className="demo-hooks" aria-labelledby="hooks-title">
      <h2 id="hooks-title">Problems, built from hooks</h2>
      <p>{summary.data ? `${summary.data.total_count} events in the last 30 days` : 'Loading…'}</p>
      {events.error ? <p role="alert">{events.error.message}</p> : null}
      <table aria-busy={events.isPlaceholderData}>
        <thead>
          <tr>
            <th>When</th>
            <th>Severity</th>
            <th>What</th>
          </tr>
        </thead>
        <tbody>
          {events.data?.items.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.timestamp).toLocaleString()}</td>
              <td>{e.severity}</td>
              <td>{e.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button disabled={page === 1} onClick={() => setPage(page - 1)}>
        Previous
      </Button>
      <Button disabled={page >= (events.data?.pages ?? 1)} onClick={() => setPage(page + 1)}>
        Next
      </Button>
    </section>
  );
}
