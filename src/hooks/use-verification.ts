'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  isAuditLogSDKError,
  type AuditLogClient,
  type AuditLogEvent,
  type TreeHead,
} from '../client/index.js';
import type {
  AuditLogVerifier,
  ConsistencyResult,
  EventVerification,
} from '../client/verification/index.js';
import { useAuditLogContext } from './audit-log-context.js';
import { auditLogKeys } from './query-keys.js';

// One verifier per client, so the signing keys are fetched once and every hook shares the
// last seen tree heads (kept in localStorage where there is one, per server and tenant).
// The verification code loads with the first check: pages that never verify never ship it.
const verifiers = new WeakMap<AuditLogClient, Promise<AuditLogVerifier>>();

function verifierFor(client: AuditLogClient): Promise<AuditLogVerifier> {
  let verifier = verifiers.get(client);
  if (!verifier) {
    verifier = import('../client/verification/index.js').then((verification) => {
      const headStore =
        typeof globalThis.localStorage === 'undefined'
          ? verification.memoryTreeHeadStore()
          : verification.localStorageTreeHeadStore();
      return new verification.AuditLogVerifier(client, { headStore });
    });
    verifiers.set(client, verifier);
  }
  return verifier;
}

export interface VerificationState {
  /**
   * `unsupported`: the server keeps no signed log (an older server); hide the marks.
   * `pending`: rows are shown and being checked; `done`: every row has a verdict.
   */
  status: 'idle' | 'pending' | 'done' | 'error' | 'unsupported';
  /** Verdicts by event id, once known. */
  verdicts: ReadonlyMap<string, EventVerification>;
  /** Events whose verdict is not `verified`. */
  failed: readonly EventVerification[];
  /** The signed head the rows were checked against. */
  treeHead: TreeHead | undefined;
  /** Whether the log extends the one seen on the last visit. */
  consistency: ConsistencyResult | undefined;
  /**
   * Places of the log around the rows that hold no stored row (deleted behind the log's
   * back), in order; empty while unknown or where the rows lie too far apart to check.
   */
  missing: readonly number[];
  error: Error | null;
}

const NO_VERDICTS = new Map<string, EventVerification>();
const NO_PLACES: readonly number[] = [];

/** A server without the signed log (or without a part of it) answers its routes 404/405. */
const isAbsent = (error: unknown) =>
  isAuditLogSDKError(error) && (error.status === 404 || error.status === 405);

/** The tenant's signed head, checked against the one seen last; one query for every part. */
function headQuery(client: AuditLogClient) {
  return {
    queryKey: [...auditLogKeys.scope(client), 'verification', 'head'],
    queryFn: async ({ signal }: { signal: AbortSignal }) =>
      (await verifierFor(client)).currentHead({ signal }),
    retry: false,
    staleTime: 30_000,
  } as const;
}

/**
 * Whether the server has answered that it keeps no signed log, so parts can leave their
 * place out (the table its integrity column). Asks nothing itself: it watches the check
 * `useVerification` makes.
 */
export function useSignedLogAbsent(): boolean {
  const { client } = useAuditLogContext();
  const head = useQuery({ ...headQuery(client), enabled: false });
  return isAbsent(head.error);
}

/**
 * Checks shown events against the server's signed log, after they are painted: it never
 * delays rows. Verdicts are cached per event id and tree size.
 *
 * @example
 * const { verdicts, failed, consistency } = useVerification(page?.items ?? []);
 */
export function useVerification(events: readonly AuditLogEvent[]): VerificationState {
  const { client } = useAuditLogContext();
  const scope = [...auditLogKeys.scope(client), 'verification'] as const;
  const enabled = client.isAuthenticated && events.length > 0;

  const head = useQuery({ ...headQuery(client), enabled });
  const treeHead = head.data?.head;
  // Rows newer than the head cannot be proven under it: ask for a newer head, once per size.
  // A head that still does not reach them is final: a row claiming a place beyond the log
  // (forged behind its back) must not keep the check waiting, or asking, forever.
  const newest = events.reduce((max, event) => Math.max(max, event.sequence ?? -1), -1);
  const { refetch } = head;
  const behind = treeHead !== undefined && newest >= treeHead.tree_size;
  // A query of its own, keyed by the size it looks beyond, so it asks once per size.
  const newer = useQuery({
    queryKey: [...scope, 'head-beyond', treeHead?.tree_size],
    queryFn: async () => (await refetch()).data?.head.tree_size ?? null,
    enabled: behind,
    retry: false,
    staleTime: Infinity,
  });
  const headIsBehind = behind && !newer.isFetched;

  const queryClient = useQueryClient();
  const size = treeHead?.tree_size ?? 0;
  const root = treeHead?.root_hash ?? '';
  // Each verdict is also kept under its own id and tree size: a page that shares rows with
  // one already checked (the next page, a new event on top, the open detail) asks only for
  // the proofs of the rows not seen yet.
  const verdictKey = (id: string) => [...scope, 'verdict', size, root, id];
  const ids = useMemo(() => events.map((event) => event.id).sort(), [events]);
  const proofs = useQuery({
    queryKey: [...scope, 'events', size, root, ids],
    // A plain object in the cache (JSON-compatible), a Map for callers.
    queryFn: async ({ signal }) => {
      const known: Record<string, EventVerification> = {};
      const unknown = events.filter((event) => {
        const cached = queryClient.getQueryData<EventVerification>(verdictKey(event.id));
        if (cached) known[event.id] = cached;
        return !cached;
      });
      if (unknown.length > 0) {
        const verifier = await verifierFor(client);
        const fresh = await verifier.verifyEvents(unknown, { treeHead: treeHead!, signal });
        for (const [id, result] of fresh) {
          known[id] = result;
          queryClient.setQueryData(verdictKey(id), result);
        }
      }
      return known;
    },
    enabled: enabled && treeHead !== undefined && !headIsBehind,
    retry: false,
    staleTime: Infinity,
  });

  // Rows deleted while the tree kept their leaves leave no row to mark: look for the gaps
  // they leave among the places around the page. A server without this check is skipped.
  const gaps = useQuery({
    queryKey: [...scope, 'gaps', size, root, ids],
    queryFn: async ({ signal }) => {
      const verifier = await verifierFor(client);
      try {
        return (await verifier.findGaps(events, { treeHead: treeHead!, signal })).missing;
      } catch (error) {
        if (isAbsent(error)) return [];
        throw error;
      }
    },
    enabled: enabled && treeHead !== undefined && !headIsBehind,
    retry: false,
    staleTime: Infinity,
  });

  const verdicts = useMemo(
    () => (proofs.data ? new Map(Object.entries(proofs.data)) : NO_VERDICTS),
    [proofs.data],
  );
  const failed = useMemo(
    () => [...verdicts.values()].filter((result) => result.verdict !== 'verified'),
    [verdicts],
  );
  const error = head.error ?? proofs.error ?? gaps.error;
  const unsupported = isAbsent(head.error);
  return {
    status: !enabled
      ? 'idle'
      : unsupported
        ? 'unsupported'
        : error
          ? 'error'
          : proofs.data
            ? 'done'
            : 'pending',
    verdicts,
    failed,
    treeHead,
    consistency: head.data?.consistency,
    missing: gaps.data ?? NO_PLACES,
    error: unsupported ? null : error,
  };
}
