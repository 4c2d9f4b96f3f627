import { describe, expect, it } from 'vitest';
import {
  AuditLogClient,
  BatchError,
  ResponseValidationError,
  type AuditLogEventInput,
} from '../../src/client/index.js';

const input = (i: number): AuditLogEventInput => ({
  event_type: 'api_call',
  resource_type: 'order',
  action: 'create',
  severity: 'info',
  description: `Order ${i}`,
  metadata: { amount: i },
});

/** A server that stores what it is sent and answers `answered(n)` events for n sent. */
function clientAnswering(answered: (sent: number) => number, onRequest = () => {}) {
  const bodies: { audit_logs: Record<string, unknown>[] }[] = [];
  const fetch: typeof globalThis.fetch = async (request) => {
    onRequest();
    const body = (await (request as Request).json()) as { audit_logs: Record<string, unknown>[] };
    bodies.push(body);
    const now = new Date().toISOString();
    const sent = body.audit_logs;
    const events = Array.from(
      { length: answered(sent.length) },
      (_, i) => sent[i % sent.length]!,
    ).map((event, i) => ({
      ...event,
      id: `e${i}`,
      tenant_id: 't',
      timestamp: now,
      created_at: now,
    }));
    return new Response(JSON.stringify(events), {
      status: 201,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const client = new AuditLogClient({
    baseUrl: 'http://audit.test',
    fetch,
    maxRetries: 0,
    accessToken: 'token',
  });
  return { client, bodies };
}

describe('createEventsBatch answers', () => {
  it('refuses an answer that holds fewer events than were sent, as a typed error', async () => {
    const { client } = clientAnswering((sent) => sent - 1);
    const error = await client
      .createEventsBatch([input(1), input(2), input(3)])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/creating 3 events .* holds 2 events/);
  });

  it('names the chunk whose answer held too many events, and keeps the others', async () => {
    let calls = 0;
    const { client } = clientAnswering((sent) => (++calls === 2 ? sent + 1 : sent));
    const inputs = Array.from({ length: 6 }, (_, i) => input(i));
    const error = await client
      .createEventsBatch(inputs, { chunkSize: 2, concurrency: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchError);
    const batch = error as BatchError;
    expect(batch.failures.map((f) => f.indexes)).toEqual([[2, 3]]);
    expect(batch.failures[0]!.error).toBeInstanceOf(ResponseValidationError);
    expect(batch.stored.map((event) => event?.description)).toEqual([
      'Order 0',
      'Order 1',
      undefined,
      undefined,
      'Order 4',
      'Order 5',
    ]);
  });

  it('sends the events as they were validated, even if the caller changes them meanwhile', async () => {
    const inputs = Array.from({ length: 4 }, (_, i) => input(i));
    // Once the first request is out, the caller changes an event of a later one.
    const { client, bodies } = clientAnswering(
      (sent) => sent,
      () => {
        (inputs[3]!.metadata as Record<string, unknown>).amount = 'changed';
        inputs[3]!.description = '';
      },
    );
    const sending = client.createEventsBatch(inputs, { chunkSize: 2, concurrency: 1 });
    await sending;
    expect(bodies.flatMap((body) => body.audit_logs).map((event) => event.metadata)).toEqual([
      { amount: 0 },
      { amount: 1 },
      { amount: 2 },
      { amount: 3 },
    ]);
    // Empty optional fields stay off the wire.
    expect(Object.keys(bodies[0]!.audit_logs[0]!).sort()).toEqual(
      ['action', 'description', 'event_type', 'metadata', 'resource_type', 'severity'].sort(),
    );
  });
});
