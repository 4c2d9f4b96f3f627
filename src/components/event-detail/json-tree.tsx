'use client';
import { useState } from 'react';
import { ExpandableText } from '../format/expandable-text.js';
import { LongText } from '../format/long-text.js';
import { DETAIL_TEXT_LIMIT } from '../format/truncate-text.js';
import { Button } from '../ui/button.js';
import type { AuditLabels } from '../ui/labels.js';

/** Nodes this deep start collapsed, so a deeply nested document opens to a readable size. */
const OPEN_DEPTH = 2;

/**
 * How many children a node lists before offering the next ones. A 200,000-element array drawn
 * whole took 50 s and 1.2 million DOM nodes; a page of it takes a few milliseconds.
 */
export const JSON_PAGE_SIZE = 100;

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
function Key({ name, leaf }: { name: string; leaf: boolean }) {
  return (
    <span data-part="json-key">
      <LongText text={name} limit={DETAIL_TEXT_LIMIT} />
      {leaf ? ': ' : null}
    </span>
  );
}

/** The first `count` children as [key, value]; an array is sliced before it is mapped. */
function entriesOf(value: object, count: number): [string, unknown][] {
  return Array.isArray(value)
    ? value.slice(0, count).map((item: unknown, index) => [String(index), item])
    : Object.entries(value as Record<string, unknown>).slice(0, count);
}

/**
 * JSON as a collapsible tree of `<details>` (keyboard-operable and announced as expandable
 * by screen readers). Keys and values are text, never markup. A node renders its children
 * only while open, and then a page at a time, so the size of the document never decides how
 * long the detail takes to open.
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
        {name !== undefined ? <Key name={name} leaf /> : null}
        <Primitive value={value} labels={labels} />
      </span>
    );
  }
  return <JsonNode value={value} name={name} depth={depth} labels={labels} />;
}

function JsonNode({
  value,
  name,
  depth,
  labels,
}: {
  value: object;
  name: string | undefined;
  depth: number;
  labels: AuditLabels;
}) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [shown, setShown] = useState(JSON_PAGE_SIZE);
  const isArray = Array.isArray(value);
  // Counted without copying: Object.keys of a 200k array would be the cost paging avoids.
  const size = isArray ? value.length : Object.keys(value).length;
  const entries = open ? entriesOf(value, shown) : [];
  const count = isArray ? labels.jsonItems(size) : labels.jsonKeys(size);
  return (
    <details
      data-part="json-node"
      data-type={isArray ? 'array' : 'object'}
      open={open}
      // The browser opens a closed node itself for find-in-page; keep the state in step.
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary
        onClick={(event) => {
          event.preventDefault();
          setOpen((was) => !was);
        }}
      >
        {name !== undefined ? <Key name={name} leaf={false} /> : null}
        <span data-part="json-count">{count}</span>
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
      {open && shown < size ? (
        <Button
          variant="ghost"
          size="sm"
          data-part="json-more"
          onClick={() => setShown((before) => before + JSON_PAGE_SIZE)}
        >
          {labels.showMoreEntries(Math.min(JSON_PAGE_SIZE, size - shown), shown, size)}
        </Button>
      ) : null}
    </details>
  );
}
