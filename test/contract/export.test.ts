import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogEvent, AuditLogExport } from '../../src/contract/schemas/index.js';
import { STORE_KINDS } from '../support/http-server.js';
import {
  csvRecords,
  expectError,
  expectContractErrorShapes,
  expectNoSecretsInErrors,
  expectValidationError,
  makeEvent,
  sortedIds,
  storedEvent,
  useContractServer,
  type Query,
  type Session,
} from './helpers.js';

/** Cells a spreadsheet would run as formulas, each in another column. */
const FORMULA_CELLS = {
  description: '=SUM(A1:A9)',
  action: '+cmd',
  resource_type: '-2+3',
  resource_id: '@evil',
  user_agent: '\tTabbed agent',
  session_id: '\rcarriage',
  user_id: '=HYPERLINK("http://evil.test","open")',
} as const;

const QUOTED_CELLS = {
  description: 'She said "hi", then left\nand came back\r\nfor good',
  resource_id: 'x,y',
  user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
  correlation_id: '"quoted"',
} as const;

describe.each(STORE_KINDS)('exporting events (%s store)', (kind) => {
  const api = useContractServer(kind);
  let exporter: Session;
  let events: AuditLogEvent[];

  const exportAs = <T>(query: Query, session = exporter) =>
    api.request<T>('/api/v1/audit/events/export', { ...session.auth, query });
  const byId = (id: string) => events.find((event) => event.id === id)!;

  beforeAll(async () => {
    exporter = await api.session(['audit_manager']);
    events = await api.postBatch(exporter.auth, [
      makeEvent({ description: 'plain one', severity: 'info', timestamp: '2026-04-01T10:00:00Z' }),
      makeEvent({ description: 'plain two', severity: 'error', timestamp: '2026-04-02T10:00:00Z' }),
      makeEvent({ description: 'plain three', severity: 'error', metadata: { a: [1, 2] } }),
      makeEvent({ ...FORMULA_CELLS, severity: 'warning' }),
      makeEvent({ ...QUOTED_CELLS, severity: 'debug' }),
    ]);
  });

  it('exports a JSON document with data, format, count and generation time', async () => {
    const answer = await exportAs<AuditLogExport>({ format: 'json' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.body).toMatchObject({
      format: 'json',
      count: events.length,
      generated_at: expect.stringMatching(/Z$/),
    });
    expect(answer.body.data).toHaveLength(events.length);
    expect(sortedIds(answer.body.data)).toEqual(sortedIds(events));
    for (const row of answer.body.data) expect(row).toMatchObject(byId(row.id));
  });

  it('applies the query filters to a JSON export', async () => {
    const answer = await exportAs<AuditLogExport>({ format: 'json', severities: 'error' });
    expect(answer.status).toBe(200);
    expect(answer.body.count).toBe(2);
    expect(answer.body.data.map((row) => row.description).sort()).toEqual([
      'plain three',
      'plain two',
    ]);
  });

  it('serves /events/export as the export, not as an event called "export"', async () => {
    const answer = await api.request<AuditLogExport>('/api/v1/audit/events/export', {
      ...exporter.auth,
      query: { format: 'json' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.format).toBe('json');
    const one = await api.request<AuditLogEvent>(
      `/api/v1/audit/events/${events[0]!.id}`,
      exporter.auth,
    );
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(events[0]!.id);
  });

  it('streams a CSV download named for the tenant and day, with count and time headers', async () => {
    const answer = await exportAs<undefined>({ format: 'csv' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')?.replace(/\s/g, '').toLowerCase()).toBe(
      'text/csv;charset=utf-8',
    );
    const generatedAt = answer.headers.get('x-generated-at') ?? '';
    expect(Number.isNaN(Date.parse(generatedAt))).toBe(false);
    const day = new Date(generatedAt).toISOString().slice(0, 10);
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="audit-logs-${exporter.tenant}-${day}.csv"`,
    );
    expect(answer.headers.get('x-export-count')).toBe(String(events.length));

    const { header, records } = csvRecords(answer.text);
    expect(header).toEqual(
      expect.arrayContaining([
        'id',
        'timestamp',
        'tenant_id',
        'event_type',
        'severity',
        'action',
        'resource_type',
        'description',
      ]),
    );
    expect(records).toHaveLength(events.length);
    expect(records.map((row) => row.id).sort()).toEqual(sortedIds(events));
    for (const row of records.filter((r) => r.description?.startsWith('plain'))) {
      const event = byId(row.id!);
      expect(row).toMatchObject({
        tenant_id: exporter.tenant,
        event_type: event.event_type,
        severity: event.severity,
        action: event.action,
        resource_type: event.resource_type,
        description: event.description,
      });
      expect(Date.parse(row.timestamp!)).toBe(Date.parse(event.timestamp));
    }
  });

  it('answers a header row alone when nothing matches', async () => {
    const answer = await exportAs<undefined>({ format: 'csv', user_ids: 'nobody-at-all' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-export-count')).toBe('0');
    const { header, records } = csvRecords(answer.text);
    expect(header).toContain('id');
    expect(records).toEqual([]);
  });

  it.each(Object.entries(FORMULA_CELLS))(
    'neutralises a %s cell a spreadsheet would run as a formula',
    async (column, value) => {
      const answer = await exportAs<undefined>({ format: 'csv', severities: 'warning' });
      const { records } = csvRecords(answer.text);
      expect(records).toHaveLength(1);
      expect(records[0]![column]).toBe(`'${value}`);
    },
  );

  it('neutralises a formula even when the cell runs over several lines', async () => {
    const writer = await api.session(['audit_manager']);
    const formula = '=cmd|"/C calc"!A0\nsecond line';
    const agent = '@SUM(1)\r\nmore';
    await api.postEvent(writer.auth, makeEvent({ description: formula, user_agent: agent }));
    const answer = await exportAs<undefined>({ format: 'csv' }, writer);
    const { records } = csvRecords(answer.text);
    expect(records[0]).toMatchObject({ description: `'${formula}`, user_agent: `'${agent}` });
  });

  it('quotes commas, quotes and line breaks per RFC 4180 so every value reads back intact', async () => {
    const answer = await exportAs<undefined>({ format: 'csv', severities: 'debug' });
    expect(answer.text).toContain('"x,y"');
    expect(answer.text).toContain('"She said ""hi"", then left\nand came back\r\nfor good"');
    expect(answer.text).toContain('"""quoted"""');
    const { records } = csvRecords(answer.text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject(QUOTED_CELLS);
  });

  it('keeps only the named columns, in their order, in a CSV export, formulas still neutralised', async () => {
    const answer = await exportAs<undefined>({
      format: 'csv',
      columns: ['severity', 'id', 'description'],
    });
    expect(answer.status).toBe(200);
    const { header, records } = csvRecords(answer.text);
    expect(header).toEqual(['severity', 'id', 'description']);
    expect(records).toHaveLength(events.length);
    for (const row of records) {
      const event = byId(row.id!);
      expect(row.severity).toBe(event.severity);
      expect(row.description).toBe(
        event.description.startsWith('=') ? `'${event.description}` : event.description,
      );
    }
  });

  it('keeps only the named columns, in their order, in each object of a JSON export', async () => {
    const answer = await exportAs<AuditLogExport>({
      format: 'json',
      columns: ['resource_id', 'id'],
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="audit-logs-${exporter.tenant}-\\d{4}-\\d\\d-\\d\\d\\.json"$`,
      ),
    );
    expect(answer.body.count).toBe(events.length);
    for (const item of answer.body.data) {
      expect(Object.keys(item)).toEqual(['resource_id', 'id']);
      expect(item.resource_id).toBe(byId(item.id).resource_id ?? null);
    }
  });

  it('refuses an export column that is not a field', async () => {
    expectValidationError(
      await exportAs({ format: 'csv', columns: ['id', 'password'] }),
      'columns',
    );
  });

  it('refuses an unknown export format', async () => {
    expectValidationError(await exportAs({ format: 'xlsx' }), 'format');
  });

  // 100,001 events written and logged: slow on a busy machine, so it has a minute.
  it('refuses a JSON export of more than 100,000 events, and a narrower one goes through', async () => {
    const big = await api.session(['tenant_admin']);
    const rows = Array.from({ length: 100_001 }, (_, i) =>
      storedEvent(big.tenant, i === 0 ? { severity: 'critical' } : {}),
    );
    // In parts, yielding between them, so the idle keep-alive connection is not closed
    // under a request by one long blocking write.
    for (let at = 0; at < rows.length; at += 20_000) {
      const result = await api.store.insertEvents(big.tenant, rows.slice(at, at + 20_000));
      expect(result.status).toBe('created');
      await new Promise((resolve) => setTimeout(resolve, 0));
    }

    const tooMany = await exportAs({ format: 'json' }, big);
    const body = expectError(tooMany, 400, 'validation_error');
    expect(body.message).toMatch(/narrow/i);

    const narrowed = await exportAs<AuditLogExport>(
      { format: 'json', severities: 'critical' },
      big,
    );
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.count).toBe(1);
  }, 60_000);

  it('never puts a password, token or API key in an error answer', () => {
    expectNoSecretsInErrors(api);
  });

  it("answers every error seen here as {error, message, details?} with its status's code", () => {
    expectContractErrorShapes(api);
  });
});
