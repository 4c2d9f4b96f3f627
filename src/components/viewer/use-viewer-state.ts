'use client';
import { useCallback, useState } from 'react';
import {
  useAuditQueryParams,
  type AuditUrlState,
  type AuditUrlStateUpdate,
} from '../filters/index.js';

/** The viewer's query, page, columns and open event: in the URL when `syncUrl`, else in memory. */
export function useViewerState(
  syncUrl: boolean,
  initial: AuditUrlState,
): [
  AuditUrlState,
  (update: AuditUrlStateUpdate) => void,
  ((eventId: string) => string) | undefined,
] {
  const [urlState, setUrlState, linkTo] = useAuditQueryParams();
  const [memory, setMemory] = useState(initial);
  const setState = useCallback(
    (update: AuditUrlStateUpdate) => (syncUrl ? setUrlState(update) : setMemory(update)),
    [syncUrl, setUrlState],
  );
  return syncUrl ? [urlState, setState, linkTo] : [memory, setState, undefined];
}
