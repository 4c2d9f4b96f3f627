'use client';
import { useCallback, useState } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import {
  newSavedViewId,
  toStoredQuery,
  type SavedView,
  type SavedViewStorage,
} from './saved-views.js';
import { useSavedViewStorage } from './use-saved-view-storage.js';

/**
 * Saved views over a storage: the list, save and remove. Left out, the storage is this
 * browser's `localStorage` for the signed-in principal of the provider's server and tenant,
 * so no view crosses to another tenant or user.
 */
export function useSavedViews(storage?: SavedViewStorage) {
  const store = useSavedViewStorage(storage);
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
