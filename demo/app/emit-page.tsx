import type { AuditEventQueue, QueueState } from '../../src/client/queue/index.js';
import { Button } from '../../src/components/index.js';
import { useCreateEvent } from '../../src/hooks/index.js';

/**
 * Writes events from UI actions: directly, and through the durable queue, which the app
 * keeps open above its sign-in gate (see `Screens`).
 */
export function EmitPage({ queue, state }: { queue: AuditEventQueue | null; state: QueueState }) {
  const create = useCreateEvent();
  const event = (action: string) => ({
    event_type: 'user_action' as const,
    resource_type: 'demo',
    action,
    severity: 'info' as const,
    description: `Demo button "${action}" pressed`,
  });
  return (
    <section aria-labelledby="emit-title">
      <h2 id="emit-title">Write events</h2>
      <Button
        variant="primary"
        onClick={() => create.mutate(event('direct'))}
        disabled={create.isPending}
      >
        Record an event now
      </Button>
      {create.error ? <p role="alert">{create.error.message}</p> : null}
      {create.data ? <p role="status">Stored {create.data.id}</p> : null}
      <Button onClick={() => void queue?.enqueue(event('queued'))} disabled={!queue}>
        Queue an event
      </Button>
      <p role="status">
        Queue ({state.storage}): {state.pending} pending, {state.failed.length} refused
        {state.lastError ? `; retrying after: ${state.lastError.message}` : ''}
      </p>
    </section>
  );
}
