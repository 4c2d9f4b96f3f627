'use client';
import { ExpandableText } from '../format/expandable-text.js';
import { LongText } from '../format/long-text.js';
import { DETAIL_TEXT_LIMIT } from '../format/truncate-text.js';
import type { AuditLabels } from '../ui/labels.js';

/** Nodes this deep start collapsed, so a deeply nested document opens to a readable size. */
const OPEN_DEPTH = 2;

/** A leaf as JSON text; a long string shows its start and offers the rest. */
function Primitive({ value, labels }: { value: unknown; labels: AuditLabels }) {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return (
    <ExpandableText
      text={text}
      limit={DETAIL_TEXT_LIMIT}
      labels={labels}
      valueProps={{ 'data-type': value === null ? 'null' : typeof value }}
    />
  );
}

/** A key, any length: keys are the sender's too, so they are cut like values. */
function Key({ name }: { name: string }) {
  return (
    <span data-part="json-key">
      <LongText text={name} limit={DETAIL_TEXT_LIMIT} />:{' '}
    </span>
  );
}

/**
 * JSON as a collapsible tree of `<details>` (keyboard-operable and announced as expandable
 * by screen readers without any script of ours). Keys and values are text, never markup.
 */
export function JsonTree({
  value,
  name,
  depth = 0,
  labels,
}: {
  value: unknown;
  name?: string;
  depth?: number;
  labels: AuditLabels;
}) {
  if (value === null || typeof value !== 'object') {
    return (
      <span data-part="json-leaf">
        {name !== undefined ? <Key name={name} /> : null}
        <Primitive value={value} labels={labels} />
      </span>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value as Record<string, unknown>);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <details data-part="json-node" open={depth < OPEN_DEPTH}>
      <summary>
        {name !== undefined ? <Key name={name} /> : null}
        {brackets[0]}
        {entries.length === 0 ? (
          brackets[1]
        ) : (
          <span data-part="json-count"> {entries.length} </span>
        )}
      </summary>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([key, child]) => (
            <li key={key}>
              <JsonTree value={child} name={key} depth={depth + 1} labels={labels} />
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
