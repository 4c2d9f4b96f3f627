import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  expectContractErrorShapes,
  expectValidationError,
  makeEvent,
  useContractServer,
} from './helpers.js';

// U+0000 is text PostgreSQL cannot store; every store answers it alike: a typed 400 naming
// the field for text the API stores or matches on, and metadata kept exactly.
describe.each(STORE_KINDS)('the character U+0000 (%s store)', (kind) => {
  const api = useContractServer(kind);

  it('refuses an event with U+0000 in a text field, naming the field, and stores nothing', async () => {
    const writer = await api.session(['audit_manager']);
    for (const field of [
      'description',
      'action',
      'resource_id',
      'user_id',
      'user_agent',
    ] as const) {
      const answer = await api.request('/api/v1/audit/events', {
        ...writer.auth,
        json: makeEvent({ [field]: `before\u0000after` }),
      });
      expectValidationError(answer, field);
    }
    const batch = await api.request('/api/v1/audit/events/batch', {
      ...writer.auth,
      json: { audit_logs: [makeEvent(), makeEvent({ session_id: '\u0000' })] },
    });
    const body = expectValidationError(batch, 'audit_logs.1.session_id');
    expect(Object.keys(body.details ?? {})).toEqual(['audit_logs.1.session_id']);
    expect((await api.list(writer.auth)).total).toBe(0);
  });

  it('keeps U+0000 in metadata values and keys exactly as sent', async () => {
    const writer = await api.session(['audit_manager']);
    const metadata = { 'key\u0000': 'value\u0000with nul', nested: { list: ['\u0000'] } };
    const stored = await api.postEvent(writer.auth, makeEvent({ metadata }));
    expect(stored.metadata).toEqual(metadata);
    const read = await api.request<AuditLogEvent>(`/api/v1/audit/events/${stored.id}`, writer.auth);
    expect(read.status, read.text).toBe(200);
    expect(read.body.metadata).toEqual(metadata);
  });

  it('refuses a search or filter value with U+0000 as a 400, not a server error', async () => {
    const reader = await api.session(['audit_viewer']);
    for (const [name, value] of [
      ['search', 'a\u0000b'],
      ['user_ids', '\u0000'],
      ['exclude_resource_types', 'doc\u0000'],
    ] as const) {
      for (const path of ['/api/v1/audit/events', '/api/v1/audit/summary']) {
        const answer = await api.request(path, { ...reader.auth, query: { [name]: value } });
        expectValidationError(answer, name);
      }
    }
  });

  it('refuses a sign-in whose user name holds U+0000 as a 400', async () => {
    const session = await api.session(['audit_viewer']);
    const answer = await api.request('/api/v1/auth/login', {
      json: { username: 'admin\u0000', password: 'irrelevant', tenant_id: session.tenant },
    });
    expectValidationError(answer, 'username');
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });
});
