import { LEAF_FIELDS } from '../../src/contract/schemas/index.js';

// A second RFC 8785 (JSON Canonicalization Scheme) serialiser, written from the RFC for
// tests, independent of the production code: ECMAScript number and string serialisation,
// object members sorted by their names' UTF-16 code units, no whitespace.

export function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not I-JSON');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${jcs(member)}`).join(',')}}`;
}

/** The leaf of an event as the contract defines it (its fields), through `jcs`. */
export function jcsLeaf(event: Record<string, unknown>): string {
  return jcs(Object.fromEntries(LEAF_FIELDS.map((field) => [field, event[field] ?? null])));
}
