// The benchmark page: the virtualized AuditLogTable, or a plain TanStack table of the same
// rows (?mode=plain), rendered from one script so both pay the same startup.
import { createColumnHelper, flexRender, tableFeatures, useTable } from '@tanstack/react-table';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { EVENT_TYPES, SEVERITIES, type AuditLogEvent } from '../../src/client/index.js';
import { AuditLogTable } from '../../src/components/index.js';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'plain' ? 'plain' : 'virtual';
const count = Number(params.get('rows') ?? 10_000);

const events: AuditLogEvent[] = Array.from({ length: count }, (_, i) => {
  const at = new Date(Date.UTC(2026, 10, 1) - i * 60_000).toISOString();
  return {
    id: `evt-${i}`,
    tenant_id: 'bench',
    event_type: EVENT_TYPES[i % EVENT_TYPES.length]!,
    resource_type: ['invoice', 'user', 'document'][i % 3]!,
    resource_id: `res-${i % 700}`,
    action: ['read', 'update', 'delete'][i % 3]!,
    severity: SEVERITIES[i % SEVERITIES.length]!,
    description: `Benchmark event ${i}: a description of typical length for an audit trail entry`,
    metadata: null,
    ip_address: `10.0.${(i >> 8) & 255}.${i & 255}`,
    user_agent: null,
    session_id: null,
    correlation_id: null,
    user_id: `user-${i % 90}@bench.example`,
    timestamp: at,
    created_at: at,
  };
});

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const helper = createColumnHelper<ReturnType<typeof tableFeatures>, AuditLogEvent>();
const columns = helper.columns([
  helper.accessor('timestamp', {
    header: 'Time',
    cell: (c) => time.format(Date.parse(c.getValue())),
  }),
  helper.accessor('severity', { header: 'Severity' }),
  helper.accessor('event_type', { header: 'Event type' }),
  helper.accessor('action', { header: 'Action' }),
  helper.accessor('resource_type', { header: 'Resource' }),
  helper.accessor('user_id', { header: 'User' }),
  helper.accessor('ip_address', { header: 'IP address' }),
  helper.accessor('description', { header: 'Description' }),
]);

function PlainTable() {
  const table = useTable({
    features: tableFeatures({}),
    columns,
    data: events,
    getRowId: (e) => e.id,
  });
  return (
    <div data-bench-scroller style={{ height: 600, overflow: 'auto' }}>
      <table>
        <thead>
          <tr>
            {table.getHeaderGroups()[0]!.headers.map((h) => (
              <th key={h.id}>{flexRender(h.column.columnDef.header, h.getContext())}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

declare global {
  interface Window {
    benchFirstRender?: { renderMs: number; paintMs: number; domRows: number };
    benchScroll?: () => Promise<{ p50: number; p95: number; frames: number; domRowsMax: number }>;
  }
}

const start = performance.now();
const root = createRoot(document.getElementById('root')!);
flushSync(() =>
  root.render(
    mode === 'plain' ? (
      <PlainTable />
    ) : (
      <AuditLogTable
        events={events}
        aria-label="Events"
        initialHeight={600}
        style={{ height: 600 }}
      />
    ),
  ),
);
const rendered = performance.now();
requestAnimationFrame(() =>
  setTimeout(() => {
    window.benchFirstRender = {
      renderMs: rendered - start,
      paintMs: performance.now() - start,
      domRows: document.querySelectorAll('tr, [role="row"]').length,
    };
  }),
);

/** The element that scrolls: the first one taller inside than out. */
function scroller(): HTMLElement {
  const all = [
    document.querySelector<HTMLElement>('[data-bench-scroller]'),
    ...document.querySelectorAll<HTMLElement>('#root *'),
  ];
  return all.find((el) => el && el.scrollHeight > el.clientHeight + 10)!;
}

window.benchScroll = () =>
  new Promise((resolve) => {
    const el = scroller();
    const deltas: number[] = [];
    let last = performance.now();
    let frames = 0;
    let domRowsMax = 0;
    const step = (now: number) => {
      deltas.push(now - last);
      last = now;
      el.scrollTop += 400;
      domRowsMax = Math.max(domRowsMax, document.querySelectorAll('tr, [role="row"]').length);
      if (++frames < 150) requestAnimationFrame(step);
      else {
        const sorted = deltas.slice(1).sort((a, b) => a - b);
        const pick = (p: number) =>
          sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
        resolve({ p50: pick(50), p95: pick(95), frames, domRowsMax });
      }
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(step);
    });
  });
