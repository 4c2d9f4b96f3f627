export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Own keys only: `a['__proto__']` on an object without that key would read its prototype. */
const own = (record: Record<string, unknown>, key: string) =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * The changes an event's metadata describes, field by field: from `before`/`after` objects,
 * or from `changes` as `{field: {from, to}}` (also `old`/`new`, `before`/`after`, or a
 * `[before, after]` pair). Null when the metadata describes none.
 */
export function changesOf(metadata: Record<string, unknown> | null): ChangeRow[] | null {
  if (!metadata) return null;
  const { before, after, changes } = metadata;
  if (isRecord(before) || isRecord(after)) {
    const a = isRecord(before) ? before : {};
    const b = isRecord(after) ? after : {};
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return fields
      .filter((field) => !same(own(a, field), own(b, field)))
      .map((field) => ({ field, before: own(a, field), after: own(b, field) }));
  }
  if (isRecord(changes)) {
    return Object.entries(changes).map(([field, change]) => {
      if (Array.isArray(change) && change.length === 2)
        return { field, before: change[0], after: change[1] };
      if (isRecord(change)) {
        const from = 'from' in change ? change.from : 'old' in change ? change.old : change.before;
        const to = 'to' in change ? change.to : 'new' in change ? change.new : change.after;
        return { field, before: from, after: to };
      }
      return { field, before: undefined, after: change };
    });
  }
  return null;
}
