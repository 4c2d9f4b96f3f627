import canonicalize from 'canonicalize';
import { LEAF_FIELDS, type LeafField } from './schemas/tamper.js';

// How a leaf of the tamper-evident log is written (RFC 8785 canonical JSON). Apart from the
// schemas, so a client that never verifies does not ship the canonicalizer.

/** The leaf fields in RFC 8785 order (by UTF-16 code units), with their JSON names. */
const SORTED_LEAF_KEYS = [...LEAF_FIELDS]
  .sort()
  .map((field) => [field, `${JSON.stringify(field)}:`] as const);

/**
 * The RFC 8785 canonical JSON of what a leaf commits to. Throws a `TypeError` when a text
 * is not well-formed Unicode (a lone surrogate), which canonical JSON cannot represent.
 * The top level's keys are fixed, so they are written in their canonical order directly;
 * for the scalars there, `JSON.stringify` is RFC 8785's serialisation; metadata, of any
 * shape, goes through the canonicalization library.
 */
export function canonicalLeafJson(event: Readonly<Partial<Record<LeafField, unknown>>>): string {
  return `{${leafMembers(event, SORTED_LEAF_KEYS)}}`;
}

const SEQUENCE_AT = SORTED_LEAF_KEYS.findIndex(([field]) => field === 'sequence');

/**
 * An event's canonical leaf JSON around its sequence, for a writer that learns the sequence
 * only later: `before + sequence + after` is `canonicalLeafJson({ ...event, sequence })` for
 * an integer `sequence`.
 */
export function canonicalLeafAroundSequence(
  event: Readonly<Partial<Record<LeafField, unknown>>>,
): [before: string, after: string] {
  const [, key] = SORTED_LEAF_KEYS[SEQUENCE_AT]!;
  return [
    `{${leafMembers(event, SORTED_LEAF_KEYS.slice(0, SEQUENCE_AT))},${key}`,
    `,${leafMembers(event, SORTED_LEAF_KEYS.slice(SEQUENCE_AT + 1))}}`,
  ];
}

/** The leaf of `canonicalLeafAroundSequence`'s parts once the sequence is known. */
export function leafAtSequence(
  [before, after]: readonly [string, string],
  sequence: number,
): string {
  return `${before}${sequence}${after}`;
}

function leafMembers(
  event: Readonly<Partial<Record<LeafField, unknown>>>,
  keys: typeof SORTED_LEAF_KEYS,
): string {
  let text = '';
  for (const [field, key] of keys) {
    const value = event[field] ?? null;
    if (value !== null && typeof value === 'object') {
      text += (text.length > 0 ? ',' : '') + key + canonicalJson(value);
    } else {
      if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
        throw new TypeError(`Cannot write canonical JSON: ${field} holds a lone surrogate`);
      }
      text += (text.length > 0 ? ',' : '') + key + JSON.stringify(value);
    }
  }
  return text;
}

/** With the `u` flag only unpaired surrogates match: paired ones are one code point. */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** RFC 8785 canonical JSON; throws a `TypeError` for what it cannot represent. */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new TypeError(`Cannot write canonical JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (text === undefined) throw new TypeError('Cannot write canonical JSON of undefined');
  return text;
}
