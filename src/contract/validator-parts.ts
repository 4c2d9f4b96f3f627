// The parts the generated validators (`generated/validators.ts`) are assembled from: one small
// closure per kind of schema and check, each answering what zod answers for a value it
// accepts (the same output), or `DOUBT`. The generator reads which parts a schema needs, and
// with what, from the schema's zod definition; here is only how each part checks.
import { DOUBT } from './checked.js';

/** Parses a value: the output, or `DOUBT`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Part = (value: any) => any;

export const string: Part = (x) => (typeof x === 'string' ? x : DOUBT);
export const number: Part = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : DOUBT);
export const boolean: Part = (x) => (typeof x === 'boolean' ? x : DOUBT);
export const anything: Part = (x) => x;

export function oneOf(values: readonly unknown[]): Part {
  const known = new Set(values);
  return (x) => (known.has(x) ? x : DOUBT);
}

export const nullable =
  (inner: Part): Part =>
  (x) =>
    x === null ? null : inner(x);

export const optional =
  (inner: Part): Part =>
  (x) =>
    x === undefined ? undefined : inner(x);

/** zod's default: absence, or an inner answer of `undefined`, becomes `value`. */
export const withDefault =
  (inner: Part, value: unknown): Part =>
  (x) => {
    if (x === undefined) return value;
    const v = inner(x);
    return v === undefined ? value : v;
  };

export const array =
  (element: Part): Part =>
  (x) => {
    if (!Array.isArray(x)) return DOUBT;
    const output = new Array<unknown>(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = element(x[i]);
      if (v === DOUBT) return DOUBT;
      output[i] = v;
    }
    return output;
  };

/**
 * How an object's field treats absence, from its schema's `optin`/`optout`: `REQUIRED`,
 * `SKIPPED` (left out of the output when absent), `ALWAYS` (a default: always in the
 * output) or `PRESENT` (in the output when present or when it answers a value).
 */
export const REQUIRED = 0;
export const SKIPPED = 1;
export const ALWAYS = 2;
export const PRESENT = 3;
type Field = readonly [key: string, part: Part, absence: 0 | 1 | 2 | 3];

/** zod's object: known keys only, in the shape's order; absence as each field allows. */
export const object = (fields: readonly Field[]): Part => {
  // Flat arrays and one read per field: this runs for every event of every page.
  const keys = fields.map((field) => field[0]);
  const parts = fields.map((field) => field[1]);
  const absences = fields.map((field) => field[2]);
  const count = fields.length;
  return (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return DOUBT;
    const output: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const value: unknown = x[key];
      // `in` only for an undefined read: absent and present-but-undefined differ to zod.
      const present = value !== undefined || key in x;
      const absence = absences[i];
      if (!present && absence === SKIPPED) continue;
      if (!present && absence === REQUIRED) return DOUBT;
      const v = parts[i]!(value);
      if (v === DOUBT) return DOUBT;
      if (v !== undefined || present || absence === ALWAYS) output[key] = v;
    }
    return output;
  };
};

/**
 * zod's record of a JSON object: each own key (one of `keys`, when given) and its value
 * checked, `__proto__` dropped as zod drops it. Other objects (another prototype, symbol
 * keys) are zod's to judge.
 */
export const record =
  (value: Part, keys?: readonly string[]): Part =>
  (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return DOUBT;
    const proto = Object.getPrototypeOf(x) as unknown;
    if (proto !== Object.prototype && proto !== null) return DOUBT;
    if (Object.getOwnPropertySymbols(x).length > 0) return DOUBT;
    const output: Record<string, unknown> = {};
    for (const key of Object.keys(x)) {
      if (key === '__proto__') continue;
      if (keys && !keys.includes(key)) return DOUBT;
      const v = value(x[key]);
      if (v === DOUBT) return DOUBT;
      output[key] = v;
    }
    return output;
  };

/** zod's union: the first option that accepts (the generator makes sure a doubt means "refused"). */
export const union =
  (...options: Part[]): Part =>
  (x) => {
    for (const option of options) {
      const v = option(x);
      if (v !== DOUBT) return v;
    }
    return DOUBT;
  };

export const pipe =
  (first: Part, then: Part): Part =>
  (x) => {
    const v = first(x);
    return v === DOUBT ? DOUBT : then(v);
  };

/** A part, then its checks in zod's order, each answering the (possibly rewritten) value. */
export const checked =
  (part: Part, ...checks: Part[]): Part =>
  (x) => {
    let v = part(x);
    for (const check of checks) {
      if (v === DOUBT) return DOUBT;
      v = check(v);
    }
    return v;
  };

export const refine =
  (test: (value: never) => boolean): Part =>
  (v) =>
    test(v as never) ? v : DOUBT;

/** Code points, as zod counts a string (a surrogate pair is one). */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

export const minLength =
  (min: number): Part =>
  (v) =>
    v.length >= min && (typeof v !== 'string' || v.length >= 2 * min || codePoints(v) >= min)
      ? v
      : DOUBT;

export const maxLength =
  (max: number): Part =>
  (v) =>
    v.length <= max || (typeof v === 'string' && codePoints(v) <= max) ? v : DOUBT;

export const atLeast =
  (min: number, inclusive: boolean): Part =>
  (v) =>
    (inclusive ? v >= min : v > min) ? v : DOUBT;

export const atMost =
  (max: number, inclusive: boolean): Part =>
  (v) =>
    (inclusive ? v <= max : v < max) ? v : DOUBT;

export const safeInteger: Part = (v) => (Number.isSafeInteger(v) ? v : DOUBT);

export const matches =
  (pattern: RegExp): Part =>
  (v) =>
    pattern.test(v) ? v : DOUBT;

export const trim: Part = (v) => v.trim();

/** A part zod alone judges. */
export const unsupported: Part = () => DOUBT;
