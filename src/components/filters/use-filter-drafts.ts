'use client';
import { useEffect, useRef, useState } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import { applyDrafts, draftsOf, type DraftKey, type Drafts } from './filter-model.js';

/**
 * The text inputs' drafts: typed text becomes a filter after `debounceMs` of quiet, drafts
 * follow the query when its text filters change from outside (chips, clear all), and
 * `replaceAll` drops a pending edit when the whole query is replaced.
 */
export function useFilterDrafts(
  query: AuditLogQueryInput,
  commit: (next: AuditLogQueryInput) => void,
  debounceMs: number,
) {
  const committedKey = JSON.stringify(draftsOf(query));
  const [syncedKey, setSyncedKey] = useState(committedKey);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(query));
  if (syncedKey !== committedKey) {
    setSyncedKey(committedKey);
    setDrafts(draftsOf(query));
  }

  // The debounce timer reads the latest query and commit, so a checkbox ticked meanwhile stays.
  const latest = useRef({ query, commit, drafts });
  useEffect(() => {
    latest.current = { query, commit, drafts };
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const editDraft = (key: DraftKey, text: string) => {
    const next = { ...drafts, [key]: text };
    setDrafts(next);
    latest.current.drafts = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const { query: current, commit: send, drafts: pending } = latest.current;
      send(applyDrafts(current, pending));
    }, debounceMs);
  };

  const replaceAll = (next: AuditLogQueryInput) => {
    clearTimeout(timer.current);
    const fresh = draftsOf(next);
    setDrafts(fresh);
    latest.current.drafts = fresh;
    commit(next);
  };

  return { drafts, editDraft, replaceAll };
}
