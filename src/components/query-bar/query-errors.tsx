'use client';
import type { AuditSearchError } from '../../client/search/index.js';
import { CELL_TEXT_LIMIT, truncateText } from '../format/truncate-text.js';

/**
 * The text drawn again under the transparent-backed input, invisible but for a wavy line
 * under each part with an error; screen readers hear the errors from `QueryErrors` instead.
 */
export function QueryMirror({
  text,
  errors,
}: {
  text: string;
  errors: readonly AuditSearchError[];
}) {
  const parts: { text: string; error: boolean }[] = [];
  let at = 0;
  for (const error of errors) {
    const start = Math.max(at, error.start);
    // An error at the very end (a quote never closed) still marks one character's width.
    const end = Math.max(start, error.end);
    if (start > at) parts.push({ text: text.slice(at, start), error: false });
    parts.push({ text: end > start ? text.slice(start, end) : ' ', error: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), error: false });
  return (
    <div data-part="query-mirror" aria-hidden="true">
      {parts.map((part, index) =>
        part.error ? (
          <mark key={index} data-part="query-error-mark">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}

/** Each error with the part of the text it is about, in reading order. */
export function QueryErrors({
  id,
  text,
  errors,
  title,
}: {
  id: string;
  text: string;
  errors: readonly AuditSearchError[];
  title: string;
}) {
  return (
    <div id={id} data-part="query-errors" role="alert" aria-label={title}>
      {errors.length > 0 ? (
        <ul>
          {errors.map((error) => {
            const part = text.slice(error.start, error.end);
            return (
              <li key={`${error.start}-${error.code}`} data-code={error.code}>
                {part.trim() === '' ? null : (
                  <>
                    <code dir="auto">{truncateText(part, CELL_TEXT_LIMIT)}</code>:{' '}
                  </>
                )}
                {error.message}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
