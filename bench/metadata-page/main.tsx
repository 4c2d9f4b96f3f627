// The benchmark page: the event detail of one event whose metadata holds a 200,000-element
// array (?items=N), timed from the render call to the first frame after it, in the page.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { AuditLogEvent } from '../../src/client/index.js';
import { AuditEventDetail } from '../../src/components/index.js';

declare global {
  interface Window {
    benchOpen?: { renderMs: number; paintMs: number; domNodes: number };
    benchMore?: () => Promise<{ ms: number; domNodes: number }>;
  }
}

const items = Number(new URLSearchParams(location.search).get('items') ?? 200_000);
const at = '2026-11-30T14:03:22.000Z';
const event: AuditLogEvent = {
  id: 'evt-wide',
  tenant_id: 'bench',
  event_type: 'data_access',
  resource_type: 'report',
  resource_id: 'r-1',
  action: 'export',
  severity: 'info',
  description: 'An export that listed every record it touched',
  metadata: {
    record_ids: Array.from({ length: items }, (_, i) => `rec_${i}`),
    request: { user_agent: 'bench', filters: { since: at } },
  },
  ip_address: '10.0.0.1',
  user_agent: null,
  session_id: null,
  correlation_id: null,
  user_id: 'bench@example.test',
  timestamp: at,
  created_at: at,
};

const nextFrame = () =>
  new Promise<number>((done) =>
    requestAnimationFrame(() => setTimeout(() => done(performance.now()))),
  );

const root = createRoot(document.getElementById('root')!);
const start = performance.now();
flushSync(() => root.render(<AuditEventDetail event={event} />));
const rendered = performance.now();
const painted = await nextFrame();
window.benchOpen = {
  renderMs: rendered - start,
  paintMs: painted - start,
  domNodes: document.getElementsByTagName('*').length,
};
window.benchMore = async () => {
  const more = document.querySelector<HTMLButtonElement>('[data-part="json-more"]')!;
  const begin = performance.now();
  flushSync(() => more.click());
  const end = await nextFrame();
  return { ms: end - begin, domNodes: document.getElementsByTagName('*').length };
};
