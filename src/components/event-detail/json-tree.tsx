'use client';
import type { AuditLabels } from '../ui/labels.js';

/** Nodes this deep start collapsed, so a deeply nested document opens to a readable size. */
const OPEN_DEPTH = 2;

function Primitive({ value }: { value: unknown }) {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return (
    <span data-part="value" data-type={value === null ? 'null' : typeof value}>
      {text}
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
        {name !== undefined ? <span data-part="json-key">{name}: </span> : null}
        <Primitive value={value} />
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
        {name !== undefined ? <span data-part="json-key">{name}: </span> : null}
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
