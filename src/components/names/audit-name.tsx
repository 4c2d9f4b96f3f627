'use client';
import { lazy, Suspense, useContext } from 'react';
import { AuditLogContext } from '../../hooks/audit-log-context.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { nameView, type AuditNameProps } from './name-view.js';

export type { AuditNameProps } from './name-view.js';

// Asking and caching names arrive through import(), and only for a host that gave a
// resolver: a page of ids costs the first load nothing.
const LazyResolvedName = lazy(() =>
  import('./resolved-name.js').then((module) => ({ default: module.ResolvedName })),
);

/**
 * An actor's or a resource's name from the `AuditUiProvider`'s resolver, on one line and cut
 * with an ellipsis, the whole name and the id in its tooltip. The id itself shows without a
 * resolver or an `AuditLogProvider` (whose server and tenant the cache is kept under), while
 * the name loads, when the lookup fails and when the answer has no name for it.
 */
export function AuditName(props: AuditNameProps) {
  const { labels, resolveActors, resolveResources } = useAuditUi();
  const log = useContext(AuditLogContext);
  const resolver = props.kind === 'actor' ? resolveActors : resolveResources;
  if (!resolver || !log) return nameView(props, null, labels, false);
  return (
    <Suspense fallback={nameView(props, null, labels, true)}>
      <LazyResolvedName {...props} resolver={resolver} client={log.client} labels={labels} />
    </Suspense>
  );
}
