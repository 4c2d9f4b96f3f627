'use client';
import { useCallback, useEffect, useState } from 'react';
import {
  newSavedViewId,
  toStoredQuery,
  withView,
  type SavedView,
  type SavedViewQuery,
  type SavedViewStorage,
} from './saved-views.js';
import { useSavedViewStorage } from './use-saved-view-storage.js';

interface Listing {
  store: SavedViewStorage;
  views: SavedView[];
  loading: boolean;
  error: unknown;
}

/**
 * Saved views over a storage: the list, save, rename and remove. Left out, the storage is this
 * browser's `localStorage` for the signed-in principal of the provider's server and tenant,
 * so no view crosses to another tenant or user. Each change shows once the storage has taken
 * it; a change it refuses rejects and leaves the list as it was.
 */
export function useSavedViews(storage?: SavedViewStorage) {
  const store = useSavedViewStorage(storage);
  const [listing, setListing] = useState<Listing>({
    store,
    views: [],
    loading: true,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  // Another storage (a tenant switch, a sign-out) never shows the last one's views.
  const current: Listing =
    listing.store === store ? listing : { store, views: [], loading: true, error: null };

  useEffect(() => {
    let live = true;
    store.list().then(
      (views) => live && setListing({ store, views, loading: false, error: null }),
      (error: unknown) => live && setListing({ store, views: [], loading: false, error }),
    );
    return () => {
      live = false;
    };
  }, [store, attempt]);

  // Changes land in the list of the storage they were made in, never in a newer one's.
  const update = useCallback(
    (edit: (views: SavedView[]) => SavedView[]) =>
      setListing((last) => (last.store === store ? { ...last, views: edit(last.views) } : last)),
    [store],
  );

  const save = useCallback(
    async (name: string, query: SavedViewQuery, columns?: readonly string[]) => {
      const view: SavedView = {
        id: newSavedViewId(),
        name,
        query: toStoredQuery(query),
        savedAt: new Date().toISOString(),
        ...(columns ? { columns: [...columns] } : {}),
      };
      await store.save(view);
      update((views) => withView(views, view));
      return view;
    },
    [store, update],
  );

  const rename = useCallback(
    async (view: SavedView, name: string) => {
      const renamed = { ...view, name };
      await store.save(renamed);
      update((views) => withView(views, renamed));
      return renamed;
    },
    [store, update],
  );

  const remove = useCallback(
    async (id: string) => {
      await store.remove(id);
      update((views) => views.filter((view) => view.id !== id));
    },
    [store, update],
  );

  const reload = useCallback(() => {
    setListing((last) => ({ ...last, loading: true, error: null }));
    setAttempt((n) => n + 1);
  }, []);

  return {
    views: current.views,
    /** True until the storage has answered the first `list()`. */
    loading: current.loading,
    /** Why the list could not be read; `reload()` asks again. */
    loadError: current.error,
    reload,
    save,
    rename,
    remove,
  };
}
