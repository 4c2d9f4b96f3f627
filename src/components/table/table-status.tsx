'use client';
import { Button } from '../ui/button.js';
import type { AuditLabels } from '../ui/labels.js';

const SKELETON_ROWS = 5;

/** A failed load, over whatever rows are still shown. */
export function TableError({
  error,
  onRetry,
  labels,
}: {
  error: Error;
  onRetry: (() => void) | undefined;
  labels: AuditLabels;
}) {
  return (
    <div role="alert" data-part="error">
      <p data-part="error-title">{labels.errorTitle}</p>
      <p data-part="error-message">{error.message}</p>
      {onRetry ? (
        <Button data-part="retry" onClick={onRetry}>
          {labels.retry}
        </Button>
      ) : null}
    </div>
  );
}

/** What shows instead of rows: a skeleton while loading, else the empty message. */
export function TableNoRows({ loading, labels }: { loading: boolean; labels: AuditLabels }) {
  return loading ? (
    <div role="status" data-part="loading">
      <span data-part="loading-label">{labels.loading}</span>
      {Array.from({ length: SKELETON_ROWS }, (_, index) => (
        <span key={index} aria-hidden="true" data-part="skeleton-row" />
      ))}
    </div>
  ) : (
    <div role="status" data-part="empty">
      {labels.empty}
    </div>
  );
}
