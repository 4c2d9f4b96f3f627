// The functions the contract's schemas check and rewrite values with. They live apart from
// the schemas, without zod, so the validators generated from those schemas
// (`generated/validators.ts`) call the very same functions: each rule is written once.
import { MAX_METADATA_DEPTH } from './constants.js';

export { isCanonical, normalizeOrKeep } from './timestamp.js';

/** Whether text is free of U+0000 (why it is refused: `noNul` in `schemas/fields.ts`). */
export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

/** An object literal's shape from any realm (a JSON body parsed in a worker or an iframe). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function depthOf(value: unknown, limit: number): number {
  // Iterative so a hostile document cannot exhaust the stack while being measured.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Metadata nests at most `MAX_METADATA_DEPTH` levels deep. */
export function withinMetadataDepth(value: unknown): boolean {
  return depthOf(value, MAX_METADATA_DEPTH) <= MAX_METADATA_DEPTH;
}

/** A range that ends before it starts matches nothing; that is a mistake worth naming. */
export function isOrderedRange(query: {
  start_date?: string | undefined;
  end_date?: string | undefined;
}): boolean {
  return !(query.start_date && query.end_date && query.start_date > query.end_date);
}

/** A page number as it came, a number or a string of digits, as a number. */
export function toNumber(value: number | string): number {
  return Number(value);
}
