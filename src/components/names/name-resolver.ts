/**
 * What a host knows of an actor (an event's `user_id`) or a resource (its `resource_id`): the
 * name people read, and optionally a small picture and a page of the host's own.
 */
export interface AuditNameEntry {
  name: string;
  /** An absolute http(s) URL; anything else is dropped. */
  avatarUrl?: string | undefined;
  /** An absolute http(s) URL of the host's page for it; anything else is dropped. */
  href?: string | undefined;
}

/** Which log the ids come from, so a host serving several tenants looks in the right one. */
export interface AuditNameContext {
  tenantId: string | null;
}

/**
 * Answers names for ids, all at once: every id the page shows in one render arrives in one
 * call, each id once. Ids left out of the answer, and every id of a call that fails, show as
 * the id itself.
 */
export type AuditNameResolver = (
  ids: readonly string[],
  context: AuditNameContext,
) => Promise<Readonly<Record<string, AuditNameEntry | undefined>>>;

export type AuditNameKind = 'actor' | 'resource';

/**
 * The URL as the browser will follow it, when it is an absolute http(s) one. Parsed without a
 * base, so relative and protocol-relative forms (`/x`, `//evil.example`) fail along with
 * `javascript:`, `data:` and the like, whatever their case or leading whitespace.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One entry of a resolver's answer as shown, or null when it has no usable name. */
function readName(value: unknown): AuditNameEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, avatarUrl, href } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return { name, avatarUrl: safeHttpUrl(avatarUrl), href: safeHttpUrl(href) };
}

interface Waiter {
  resolve: (name: AuditNameEntry | null) => void;
  reject: (error: unknown) => void;
}

/** Ids asked for since the last call, per resolver and per scope (server, tenant, kind). */
const open = new WeakMap<AuditNameResolver, Map<string, Map<string, Waiter[]>>>();

async function flush(
  resolver: AuditNameResolver,
  context: AuditNameContext,
  batch: Map<string, Waiter[]>,
) {
  try {
    const answer: unknown = await resolver([...batch.keys()], context);
    const names = typeof answer === 'object' && answer !== null ? answer : {};
    // Own keys only: an id such as `constructor` must not find the prototype's.
    for (const [id, waiters] of batch) {
      const name = readName(
        Object.hasOwn(names, id) ? (names as Record<string, unknown>)[id] : null,
      );
      for (const waiter of waiters) waiter.resolve(name);
    }
  } catch (error) {
    for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
  }
}

/**
 * The name of one id, asked of `resolver` together with every other id asked for in the same
 * task under the same `scope`: a page of rows makes one call, not one per cell.
 */
export function lookUpName(
  resolver: AuditNameResolver,
  context: AuditNameContext,
  scope: string,
  id: string,
): Promise<AuditNameEntry | null> {
  let scopes = open.get(resolver);
  if (!scopes) open.set(resolver, (scopes = new Map()));
  let batch = scopes.get(scope);
  if (!batch) {
    const started = new Map<string, Waiter[]>();
    scopes.set(scope, (batch = started));
    // A macrotask, not a microtask: React may start a commit's queries across several
    // microtasks, and a task later they have all been asked.
    setTimeout(() => {
      scopes.delete(scope);
      void flush(resolver, context, started);
    }, 0);
  }
  const waiting = batch;
  return new Promise((resolve, reject) => {
    const waiters = waiting.get(id);
    if (waiters) waiters.push({ resolve, reject });
    else waiting.set(id, [{ resolve, reject }]);
  });
}
