import { describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/http-server.js';
import { makeEvent, useContractServer } from './helpers.js';

const METADATA =
  '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"x","hasOwnProperty":1}';

describe.each(STORE_KINDS)('special metadata keys (%s store)', (kind) => {
  const api = useContractServer(kind);

  it('stores `__proto__`, `constructor` and friends as data and answers them everywhere', async () => {
    const writer = await api.session(['audit_manager']);
    const event = JSON.stringify(makeEvent()).replace(/}$/, `,"metadata":${METADATA}}`);
    const created = await api.request<{ id: string }>('/api/v1/audit/events', {
      ...writer.auth,
      body: event,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(created.status, created.text).toBe(201);
    const keys = (text: string, pick: (body: never) => unknown) =>
      Object.keys(pick(JSON.parse(text) as never) as object);
    const expected = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    type Event = { metadata: object };
    expect(keys(created.text, (e: Event) => e.metadata)).toEqual(expected);

    const read = await api.request(`/api/v1/audit/events/${created.body.id}`, writer.auth);
    expect(keys(read.text, (e: Event) => e.metadata)).toEqual(expected);
    const listed = await api.request('/api/v1/audit/events', writer.auth);
    expect(keys(listed.text, (page: { items: Event[] }) => page.items[0]!.metadata)).toEqual(
      expected,
    );
    const exported = await api.request('/api/v1/audit/events/export', {
      ...writer.auth,
      query: { format: 'json' },
    });
    expect(keys(exported.text, (doc: { data: Event[] }) => doc.data[0]!.metadata)).toEqual(
      expected,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
