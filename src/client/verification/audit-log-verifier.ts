import type { AuditLogClient, RequestOptions } from '../audit-log-client.js';
import { IntegrityError } from '../errors/index.js';
import {
  MAX_PROOF_IDS,
  type AuditLogEvent,
  type Jwks,
  type TreeHead,
} from '../../contract/schemas/index.js';
import { gapCheckRange, missingPlaces, type LogRange } from './log-gaps.js';
import { consistencyHolds, eventLeafHash, rootFromInclusion } from './merkle.js';
import { signatureValid } from './signatures.js';
import { memoryTreeHeadStore, type TreeHeadStore } from './tree-head-store.js';

/**
 * `verified`: the event, as received, is the leaf the signed log holds at its place.
 * `modified`: the log holds something else there (the row was changed or moved).
 * `not_in_log`: the log holds no leaf for it (a row added behind the log's back).
 */
export type EventVerdict = 'verified' | 'modified' | 'not_in_log';

export interface EventVerification {
  id: string;
  verdict: EventVerdict;
  /** The leaf the server proved for this id, if any. */
  leafIndex: number | null;
  treeSize: number;
}

export interface ConsistencyResult {
  ok: boolean;
  /** Why not, in words a person can act on. */
  problem?: string;
}

export interface TreeHeadCheck {
  /** The head just fetched, its signature checked. */
  head: TreeHead;
  /** The last head accepted before for this server and tenant, if any. */
  previous: TreeHead | null;
  /** Whether `head` extends `previous` (always ok on a first visit). */
  consistency: ConsistencyResult;
}

export interface GapCheck {
  /** The places checked; null when the rows lie too far apart in the log to check. */
  range: LogRange | null;
  /** Places in `range` the signed log holds but no stored row fills: deleted rows. */
  missing: number[];
}

export interface AuditLogVerifierOptions {
  /** Where the last accepted head per server and tenant is kept. Default: memory only. */
  headStore?: TreeHeadStore;
  /** Keys to trust instead of the server's `/public-keys` (pinned out of band). */
  jwks?: Jwks;
}

/**
 * Checks what a client shows against the server's signed Merkle log: leaf hashes are
 * recomputed here from the events as received, proofs are fetched (one request per 1000
 * events) and signatures checked with Web Crypto.
 */
export class AuditLogVerifier {
  readonly #client: AuditLogClient;
  readonly #heads: TreeHeadStore;
  readonly #pinned: Jwks | undefined;
  #keys: Promise<Jwks> | undefined;

  constructor(client: AuditLogClient, options: AuditLogVerifierOptions = {}) {
    this.#client = client;
    this.#heads = options.headStore ?? memoryTreeHeadStore();
    this.#pinned = options.jwks;
  }

  /** The keys heads are checked against; fetched again once when a head names a new key. */
  async publicKeys(options: RequestOptions & { refresh?: boolean } = {}): Promise<Jwks> {
    if (this.#pinned) return this.#pinned;
    if (options.refresh || !this.#keys) {
      this.#keys = this.#client.getPublicKeys(options);
      this.#keys.catch(() => (this.#keys = undefined));
    }
    return this.#keys;
  }

  /** Throws `IntegrityError` unless the head carries a valid signature by a known key. */
  async verifyTreeHead(head: TreeHead, options: RequestOptions = {}): Promise<void> {
    let jwks = await this.publicKeys(options);
    if (!this.#pinned && !jwks.keys.some((key) => key.kid === head.key_id)) {
      jwks = await this.publicKeys({ ...options, refresh: true });
    }
    if (!(await signatureValid(jwks, head.key_id, head))) {
      throw new IntegrityError(
        `The tree head of ${head.tenant_id} at size ${head.tree_size} is not signed by a key the server publishes; do not trust what it vouches for`,
        { code: 'invalid_signature' },
      );
    }
  }

  /**
   * Fetches the tenant's head, checks its signature and that it extends the head accepted
   * last time (kept per server and tenant). A head that does not is not kept, so the
   * failure shows again until someone looks into it.
   */
  async currentHead(options: RequestOptions = {}): Promise<TreeHeadCheck> {
    const head = await this.#client.getTreeHead(options);
    await this.verifyTreeHead(head, options);
    const key = `${this.#client.baseUrl}\u0000${head.tenant_id}`;
    const previous = this.#heads.get(key);
    const consistency = previous
      ? await this.checkConsistency(previous, head, options)
      : { ok: true };
    if (consistency.ok) this.#heads.set(key, head);
    return { head, previous, consistency };
  }

  /** Whether `current` extends `previous`: the log only grew, nothing in it was rewritten. */
  async checkConsistency(
    previous: TreeHead,
    current: TreeHead,
    options: RequestOptions = {},
  ): Promise<ConsistencyResult> {
    if (previous.tenant_id !== current.tenant_id) {
      return { ok: false, problem: 'The two tree heads belong to different tenants' };
    }
    await this.verifyTreeHead(current, options);
    try {
      await this.verifyTreeHead(previous, options);
    } catch (error) {
      if (!(error instanceof IntegrityError)) throw error;
      return {
        ok: false,
        problem:
          'The tree head seen before is not signed by any key the server publishes now: its keys were replaced',
      };
    }
    if (current.tree_size < previous.tree_size) {
      return {
        ok: false,
        problem: `The log shrank from ${previous.tree_size} to ${current.tree_size} events since it was last seen`,
      };
    }
    if (previous.tree_size === 0) return { ok: true };
    if (current.tree_size === previous.tree_size) {
      return current.root_hash === previous.root_hash
        ? { ok: true }
        : {
            ok: false,
            problem: `The log of ${current.tree_size} events was rewritten since it was last seen (its root changed)`,
          };
    }
    const { proof } = await this.#client.getConsistencyProof(
      previous.tree_size,
      current.tree_size,
      options,
    );
    const holds = await consistencyHolds(
      previous.tree_size,
      current.tree_size,
      previous.root_hash,
      current.root_hash,
      proof,
    );
    return holds
      ? { ok: true }
      : {
          ok: false,
          problem: `The log of ${current.tree_size} events does not extend the ${previous.tree_size} seen before: earlier events were changed, removed or reordered`,
        };
  }

  /**
   * The places around `events` that the signed log holds but no stored row fills: rows
   * deleted while the tree kept their leaves, which no verdict of the remaining rows shows.
   * Reads the places from one before the lowest sequence to one after the highest (one
   * request, see `gapCheckRange`) and proves those not among `events` (one more): a row put
   * in a deleted one's place must hash to the leaf the log holds there, so a gap cannot be
   * papered over. Rows among `events` count as present; their own verdicts judge them.
   */
  async findGaps(
    events: readonly AuditLogEvent[],
    options: RequestOptions & { treeHead: TreeHead },
  ): Promise<GapCheck> {
    const sequences = events.flatMap((event) =>
      event.sequence === undefined ? [] : [event.sequence],
    );
    const range = gapCheckRange(sequences, options.treeHead.tree_size);
    if (!range) return { range, missing: [] };
    const { events: stored } = await this.#client.getLogEntries(range.start, range.end, options);
    const shown = new Set(events.map((event) => event.id));
    const others = stored.filter((event) => !shown.has(event.id));
    const present = new Set(sequences);
    if (others.length > 0) {
      const verdicts = await this.verifyEvents(others, options);
      for (const event of others) {
        if (verdicts.get(event.id)?.verdict === 'verified') present.add(event.sequence!);
      }
    }
    return { range, missing: missingPlaces(range, present) };
  }

  /**
   * A verdict per event (by id) against `treeHead`, whose signature is checked first (an
   * invalid one throws `IntegrityError`). Events newer than the head are `not_in_log`:
   * verify them against a newer head.
   */
  async verifyEvents(
    events: readonly AuditLogEvent[],
    options: RequestOptions & { treeHead: TreeHead },
  ): Promise<Map<string, EventVerification>> {
    const { treeHead } = options;
    await this.verifyTreeHead(treeHead, options);
    const results = new Map<string, EventVerification>();
    const size = treeHead.tree_size;
    const unproven = (event: AuditLogEvent, leafIndex: number | null = null) =>
      results.set(event.id, { id: event.id, verdict: 'not_in_log', leafIndex, treeSize: size });
    const candidates = events.filter((event) => {
      if (event.sequence === undefined || size === 0) unproven(event);
      return event.sequence !== undefined && size > 0;
    });
    for (let at = 0; at < candidates.length; at += MAX_PROOF_IDS) {
      const chunk = candidates.slice(at, at + MAX_PROOF_IDS);
      const { proofs } = await this.#client.getInclusionProofs(
        chunk.map((event) => event.id),
        size,
        options,
      );
      await Promise.all(
        chunk.map(async (event) => {
          const proof = proofs[event.id];
          if (!proof) return unproven(event);
          const root =
            proof.leaf_index === event.sequence
              ? await rootFromInclusion(
                  proof.leaf_index,
                  size,
                  await eventLeafHash(event),
                  proof.audit_path,
                )
              : null;
          results.set(event.id, {
            id: event.id,
            verdict: root === treeHead.root_hash ? 'verified' : 'modified',
            leafIndex: proof.leaf_index,
            treeSize: size,
          });
        }),
      );
    }
    return results;
  }
}
