import { beforeAll, describe, expect, it } from 'vitest';
import {
  AuditLogClient,
  ExportTooLargeError,
  isAuditLogSDKError,
  type ExportProgress,
} from '../../src/client/index.js';
import { createAuditLogTestServer, type AuditLogTestServer } from '../../src/server/index.js';

let server: AuditLogTestServer;
let client: AuditLogClient;

beforeAll(async () => {
  server = await createAuditLogTestServer({ seed: { eventsPerTenant: 300 } });
  client = new AuditLogClient({ baseUrl: server.baseUrl, fetch: server.fetch, retryDelay: 0 });
  await client.login({ username: 'manager', password: 'audit-demo', tenant_id: 'acme' });
});

/** A WritableStream that keeps what it is given and says how it ended. */
function fileLike() {
  const chunks: Uint8Array[] = [];
  const state = { closed: false, aborted: undefined as unknown };
  const stream = new WritableStream<Uint8Array>({
    write: (chunk) => void chunks.push(chunk),
    close: () => void (state.closed = true),
    abort: (reason) => void (state.aborted = reason ?? 'aborted'),
  });
  const text = () => Buffer.concat(chunks).toString('utf8');
  return { stream, state, text };
}

describe('exportFile', () => {
  it('streams the CSV into a destination, closes it, and keeps nothing in memory', async () => {
    const file = fileLike();
    const progress: ExportProgress[] = [];
    const result = await client.exportFile(
      { severities: ['warning'] },
      { destination: file.stream, onProgress: (p) => progress.push(p) },
    );
    const expected = (await client.queryEvents({ severities: ['warning'] }, { size: 1 })).total;
    expect(result.blob).toBeUndefined();
    expect(file.state.closed).toBe(true);
    const lines = file.text().trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,timestamp,tenant_id/);
    expect(lines).toHaveLength(expected + 1);
    expect(result).toMatchObject({ format: 'csv', count: expected, bytes: file.text().length });
    expect(result.fileName).toMatch(/^audit-logs-acme-\d{4}-\d\d-\d\d\.csv$/);
    expect(progress.at(-1)).toMatchObject({ rows: expected, totalRows: expected });
  });

  it('asks the server for just the named columns, in CSV and JSON', async () => {
    const csv = await client.exportFile({}, { columns: ['severity', 'id'] });
    const [header, first] = (await csv.blob!.text()).split('\r\n');
    expect(header).toBe('severity,id');
    expect(first).toMatch(/^(critical|error|warning|info|debug),[\w-]+$/);

    const json = await client.exportFile({}, { format: 'json', columns: ['id', 'action'] });
    const doc = JSON.parse(await json.blob!.text()) as { count: number; data: object[] };
    expect(json.fileName).toMatch(/\.json$/);
    expect(json.count).toBe(doc.count);
    expect(doc.data.every((item) => Object.keys(item).join() === 'id,action')).toBe(true);
  });

  it('counts the rows of a JSON export as they pass, nested objects and braces in text aside', async () => {
    await client.createEvent({
      event_type: 'user_action',
      resource_type: 'doc',
      action: 'brace',
      severity: 'info',
      description: 'a "quoted" {brace} [and] \\ backslash',
      metadata: { nested: { deeper: [{ x: 1 }] } },
    });
    const progress: number[] = [];
    const json = await client.exportFile(
      {},
      { format: 'json', onProgress: (p) => progress.push(p.rows) },
    );
    const doc = JSON.parse(await json.blob!.text()) as { count: number };
    expect(json.count).toBe(doc.count);
    expect(progress.at(-1)).toBe(doc.count);
  });

  it('stops a download kept in memory past its limit with a clear, typed error', async () => {
    const error = await client.exportFile({}, { maxBlobBytes: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportTooLargeError);
    expect(isAuditLogSDKError(error) && error.code).toBe('export_too_large');
    expect((error as Error).message).toMatch(/more than this page holds in memory.*Narrow/);
  });

  it('aborts the destination when cancelled, so no half file is committed', async () => {
    const file = fileLike();
    const abort = new AbortController();
    const result = client.exportFile(
      {},
      {
        destination: file.stream,
        signal: abort.signal,
        onProgress: () => abort.abort(new DOMException('Cancelled', 'AbortError')),
      },
    );
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(file.state.closed).toBe(false);
    expect(file.state.aborted).toBeDefined();
  });

  it('answers an unknown column with a ValidationError that names it', async () => {
    const error = await client
      .exportFile({}, { columns: ['password' as 'id'] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError' });
    expect(Object.keys((error as { details: object }).details).join()).toMatch(/^columns/);
  });
});
