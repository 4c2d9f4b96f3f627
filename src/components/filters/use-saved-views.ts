'use client';
import { useCallback, useState } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import {
  localStorageSavedViewStorage,
  newSavedViewId,
  toStoredQuery,
  type SavedView,
  type SavedViewStorage,
} from './saved-views.js';

let defaultStorage: SavedViewStorage | undefined;

/** Saved views over a storage (localStorage by default): the list, save and remove. */
export function useSavedViews(storage?: SavedViewStorage) {
  const store = storage ?? (defaultStorage ??= localStorageSavedViewStorage());
  const [views, setViews] = useState<SavedView[]>(() => store.load());
  const [loadedFrom, setLoadedFrom] = useState(store);
  if (loadedFrom !== store) {
    setLoadedFrom(store);
    setViews(store.load());
  }

  const save = useCallback(
    (name: string, query: AuditLogQueryInput, columns?: readonly string[]) => {
      const view: SavedView = {
        id: newSavedViewId(),
        name,
        query: toStoredQuery(query),
        savedAt: new Date().toISOString(),
        ...(columns ? { columns: [...columns] } : {}),
      };
      const next = [...store.load(), view];
      store.save(next);
      setViews(next);
      return view;
    },
    [store],
  );

  const remove = useCallback(
    (id: string) => {
      const next = store.load().filter((view) => view.id !== id);
      store.save(next);
      setViews(next);
    },
    [store],
  );

  return { views, save, remove };
}
