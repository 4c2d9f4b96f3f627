'use client';
import { useQuery } from '@tanstack/react-query';
import type { AuditLogClient } from '../../client/index.js';
import { auditLogKeys } from '../../hooks/query-keys.js';
import type { AuditLabels } from '../ui/labels.js';
import { lookUpName, type AuditNameResolver } from './name-resolver.js';
import { nameView, type AuditNameProps } from './name-view.js';

/** Names change seldom; a page left open refreshes them after this long. */
const NAME_STALE_MS = 10 * 60_000;

export interface ResolvedNameProps extends AuditNameProps {
  resolver: AuditNameResolver;
  client: AuditLogClient;
  labels: AuditLabels;
}

/** A name asked of the host's resolver, batched with the others and cached per scope. */
export function ResolvedName({ resolver, client, labels, ...props }: ResolvedNameProps) {
  const key = auditLogKeys.name(client, props.kind, props.id);
  const { data, isPending } = useQuery({
    queryKey: key,
    queryFn: () =>
      lookUpName(
        resolver,
        { tenantId: client.tenantId ?? null },
        JSON.stringify(key.slice(0, -1)),
        props.id,
      ),
    staleTime: NAME_STALE_MS,
    retry: false,
  });
  return nameView(props, data ?? null, labels, isPending);
}
