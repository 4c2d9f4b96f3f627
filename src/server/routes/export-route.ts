import { AccessAction } from '../../contract/access-records.js';
import type { Hono } from 'hono';
import { ENDPOINTS, routePattern } from '../../contract/endpoints.js';
import { exportFileName } from '../../contract/constants.js';
import { EXPORT_ID_HEADER, MAX_JSON_EXPORT_ROWS } from '../../contract/schemas/index.js';
import { newId } from '../auth/crypto-utils.js';
import { csvHeader, csvRows, pickColumns } from '../export/csv-rows.js';
import { eventChunkStream, type ChunkStreamOptions } from '../export/export-stream.js';
import { signedExportBody } from '../export/signed-export.js';
import { validationError } from '../http/api-error.js';
import { authenticate } from '../http/authenticate.js';
import type { AppEnv, AppState } from '../http/context.js';
import { queryRequest } from '../http/endpoint-request.js';
import { recordedFilters } from '../access/access-records.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

export function registerExportRoute(app: Hono<AppEnv>, state: AppState): void {
  app.get(routePattern(ENDPOINTS.exportEvents), authenticate(state), async (c) => {
    const { principal, params } = queryRequest(c, ENDPOINTS.exportEvents);
    const { format, columns: named, ...filter } = params;
    // Narrowing happens here, so a browser never re-reads a large file to drop columns.
    const columns = named && named.length > 0 ? [...new Set(named)] : undefined;
    const generatedAt = state.nowIso();
    const count = await state.store.countEvents(principal.tenantId, filter);
    if (format === 'json' && count > MAX_JSON_EXPORT_ROWS) {
      throw validationError(
        `${count} events match; a JSON export holds at most ${MAX_JSON_EXPORT_ROWS}. Narrow the date range or filters, or export CSV`,
        { format: `At most ${MAX_JSON_EXPORT_ROWS} rows in JSON` },
      );
    }
    // Taken last, after every refusal, and given back when the stream ends however it ends.
    const release = state.exports.acquire(principal.tenantId);
    try {
      await state.accessRecords?.record(principal, {
        action: AccessAction.EXPORT,
        filters: recordedFilters(columns ? { ...filter, columns } : filter),
        result_count: count,
        format,
      });
    } catch (error) {
      release();
      throw error;
    }
    const events = state.store.streamEvents(principal.tenantId, filter);
    const ending = { idleTimeoutMs: state.exports.limits.idleTimeoutMs, onEnd: release };
    let written = 0;
    const exportId = newId();
    const signed = (body: ReadableStream<Uint8Array>) =>
      signedExportBody(state, body, {
        exportId,
        tenantId: principal.tenantId,
        format,
        // The columns asked for shape the file too, so the manifest names them.
        filters: columns ? { ...filter, columns } : filter,
        count: () => written,
      });
    c.header(EXPORT_ID_HEADER, exportId);

    // Both formats stream; JSON's `count` closes the document, so it is exactly the rows written.
    const shape: Pick<ChunkStreamOptions, 'head' | 'chunk' | 'tail'> =
      format === 'csv'
        ? { head: csvHeader(columns), chunk: (batch) => csvRows(batch, columns), tail: () => '' }
        : {
            head: `{"format":"json","generated_at":${JSON.stringify(generatedAt)},"data":[`,
            chunk: (batch, first) =>
              (first ? '' : ',') +
              batch.map((e) => JSON.stringify(columns ? pickColumns(e, columns) : e)).join(','),
            tail: (count) => `],"count":${count}}`,
          };
    const stream = eventChunkStream(events, {
      ...shape,
      tail: (count) => {
        written = count;
        return shape.tail(count);
      },
      ...ending,
    });
    return c.body(signed(stream), 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFileName(principal.tenantId, generatedAt, format)}"`,
      'X-Export-Count': String(count),
      'X-Generated-At': generatedAt,
    });
  });
}
