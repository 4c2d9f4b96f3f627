'use client';
import { useContext, useEffect, useState } from 'react';
import { AuditLogContext } from '../../hooks/audit-log-context.js';
import {
  DEFAULT_SAVED_VIEWS_KEY,
  localStorageSavedViewStorage,
  type SavedViewStorage,
} from './saved-views.js';

const byKey = new Map<string, SavedViewStorage>();
// Signed out, or the principal not known yet: nothing is read, and nothing kept for whoever
// is next. A save is refused rather than dropped, so the user keeps the name to try again.
const NOBODY: SavedViewStorage = {
  list: () => Promise.resolve([]),
  save: () => Promise.reject(new Error('No signed-in user to keep saved views for')),
  remove: () => Promise.resolve(),
};

/** Where one principal's views live: a key per server, tenant and user (or API key). */
export function savedViewsKey(server: string, tenantId: string, principalId: string): string {
  return [DEFAULT_SAVED_VIEWS_KEY, server, tenantId, principalId].map(encodeURIComponent).join(':');
}

function storageFor(key: string | null): SavedViewStorage {
  if (key === null) return NOBODY;
  let storage = byKey.get(key);
  if (!storage) byKey.set(key, (storage = localStorageSavedViewStorage(key)));
  return storage;
}

/**
 * The given storage, or the signed-in principal's own in `localStorage`. The principal is
 * read from the client again after every sign-in, sign-out or tenant switch.
 */
export function useSavedViewStorage(given: SavedViewStorage | undefined): SavedViewStorage {
  const context = useContext(AuditLogContext);
  const client = context?.client;
  const version = context?.sessionVersion;
  const tenantId = client?.tenantId;
  // The key found for one session and tenant is never used for the next, even for a moment.
  const session = client ? `${client.baseUrl} ${version} ${tenantId}` : null;
  const [found, setFound] = useState<{ session: string; key: string | null } | null>(null);
  useEffect(() => {
    if (given || !client || session === null) return;
    let current = true;
    client.principal().then(
      (principal) => {
        if (!current) return;
        const key = principal
          ? savedViewsKey(client.baseUrl, principal.tenantId, principal.id)
          : null;
        setFound({ session, key });
      },
      () => current && setFound({ session, key: null }),
    );
    return () => {
      current = false;
    };
  }, [given, client, session]);
  return given ?? storageFor(found?.session === session ? found.key : null);
}
