'use client';
import { lazy } from 'react';

// The detail panel's content, fetched through `import()` when a row is first opened.

/** The open event's fields, metadata tree and changes: only after a row is opened. */
export const LazyEventDetail = lazy(() =>
  import('../event-detail/audit-event-detail.js').then((module) => ({
    default: module.AuditEventDetail,
  })),
);

/** Where the open event sits in the signed log, with its verification. */
export const LazyIntegrityProof = lazy(() =>
  import('../integrity/integrity-proof.js').then((module) => ({ default: module.IntegrityProof })),
);
