import * as z from 'zod/mini';

/** What a built parser answers for a value it does not vouch for; zod then has the last word. */
export const UNCHECKED: unique symbol = Symbol('unchecked');
type Parse = (value: unknown) => unknown;

/** The parts of zod's internals a parser is built from (stable across zod 4 minors). */
interface Internals {
  def: {
    type: string;
    checks?: readonly Check[];
    coerce?: boolean;
    shape?: Record<string, Node>;
    catchall?: unknown;
    element?: Node;
    innerType?: Node;
    defaultValue?: unknown;
  };
  traits: Set<string>;
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  values?: Set<unknown>;
}
interface Node {
  _zod: Internals;
  safeParse(value: unknown): { success: boolean; data?: unknown };
}
interface Check {
  _zod: {
    def: {
      check: string;
      type?: string;
      when?: (payload: Payload) => boolean;
      fn?: (value: unknown) => unknown;
      tx?: (value: unknown) => unknown;
      minimum?: number;
      maximum?: number;
    };
    check(payload: Payload): unknown;
  };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

const built = new WeakMap<object, Parse>();
/** The condition zod gives every length check unless told otherwise: the value has a length. */
const hasLength = (z.minLength(0) as unknown as Check)._zod.def.when;

/**
 * A plain-closure parser for `schema`, built once and kept: zod/mini walks its schema tree
 * and allocates a result per node for every value, which for a page of a thousand events
 * costs three times the page's `JSON.parse`. The closures check the same things (zod's own
 * check functions run for every check but a refine's or an overwrite's, which are called
 * directly) and answer the same output, or `UNCHECKED` at the first doubt: then the caller
 * parses with zod itself, whose issues word the error. No `eval`, so it runs under a strict
 * Content-Security-Policy; a kind of schema it does not know is handed to zod as it is.
 */
export function builtParser<S extends z.ZodMiniType>(schema: S): (value: unknown) => unknown {
  return parserOf(schema as unknown as Node);
}

function parserOf(node: Node): Parse {
  let parse = built.get(node);
  if (!parse) {
    parse = withChecks(node, typeParser(node));
    built.set(node, parse);
  }
  return parse;
}

/** The node's own kind checked (and its output built), before its checks. */
function typeParser(node: Node): Parse {
  const { def } = node._zod;
  const byZod: Parse = (value) => {
    const result = node.safeParse(value);
    return result.success ? result.data : UNCHECKED;
  };
  if (def.coerce) return byZod;
  switch (def.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? value : UNCHECKED);
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : UNCHECKED);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : UNCHECKED);
    case 'enum':
    case 'literal': {
      const values = node._zod.values!;
      return (value) => (values.has(value) ? value : UNCHECKED);
    }
    case 'custom':
    case 'unknown':
    case 'any':
      return (value) => value;
    case 'nullable': {
      const inner = parserOf(def.innerType!);
      return (value) => (value === null ? null : inner(value));
    }
    case 'optional': {
      const inner = parserOf(def.innerType!);
      // Only an inner default substitutes for absence; that rare case is zod's.
      if (def.innerType!._zod.optin === 'defaulted') return byZod;
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'default': {
      const inner = parserOf(def.innerType!);
      return (value) => {
        if (value === undefined) return def.defaultValue;
        const parsed = inner(value);
        return parsed === undefined ? def.defaultValue : parsed;
      };
    }
    case 'array':
      return arrayParser(parserOf(def.element!));
    case 'object':
      return def.catchall === undefined ? objectParser(def.shape!) : byZod;
    default:
      return byZod;
  }
}

function arrayParser(element: Parse): Parse {
  return (value) => {
    if (!Array.isArray(value)) return UNCHECKED;
    const output = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      const parsed = element(value[index]);
      if (parsed === UNCHECKED) return UNCHECKED;
      output[index] = parsed;
    }
    return output;
  };
}

/** zod's object rules: known keys only, in the shape's order; absence as each field allows. */
function objectParser(shape: Record<string, Node>): Parse {
  const fields = Object.keys(shape)
    .filter((key) => key !== '__proto__')
    .map((key) => {
      const field = shape[key]!._zod;
      const optionalOut = field.optout === 'optional';
      return {
        key,
        parse: parserOf(shape[key]!),
        required: field.optin === undefined,
        skipWhenAbsent: optionalOut && field.optin === 'optional',
        keepUndefinedWhenAbsent: field.optin === 'defaulted' && !optionalOut,
      };
    });
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNCHECKED;
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const field of fields) {
      const present = field.key in input;
      if (!present && field.skipWhenAbsent) continue;
      if (!present && field.required) return UNCHECKED;
      const parsed = field.parse(input[field.key]);
      if (parsed === UNCHECKED) return UNCHECKED;
      if (parsed !== undefined || present || field.keepUndefinedWhenAbsent) {
        output[field.key] = parsed;
      }
    }
    return output;
  };
}

/** Runs the node's checks in zod's order on the parsed value; any issue is a doubt. */
function withChecks(node: Node, parse: Parse): Parse {
  const checks = [
    ...(node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : []),
    ...(node._zod.def.checks ?? []),
  ].map(checkRunner);
  if (checks.length === 0) return parse;
  return (value) => {
    let current = parse(value);
    for (const check of checks) {
      if (current === UNCHECKED) return UNCHECKED;
      current = check(current);
    }
    return current;
  };
}

function checkRunner(check: Check): Parse {
  const { def } = check._zod;
  if (def.check === 'overwrite' && def.tx && !def.when) return def.tx;
  if (def.check === 'custom' && def.type === 'custom' && def.fn && !def.when) {
    const fn = def.fn;
    return (value) => {
      const passed = fn(value);
      return passed && !(passed instanceof Promise) ? value : UNCHECKED;
    };
  }
  const byCheck: Parse = (value) => {
    const payload: Payload = { value, issues: [] };
    if (def.when && !def.when(payload)) return value;
    const pending = check._zod.check(payload);
    return pending instanceof Promise || payload.issues.length > 0 ? UNCHECKED : payload.value;
  };
  // zod counts a string's code points, of which there are between half and all its UTF-16
  // units: lengths clear of the bound by that margin need no count; the rest go to zod's check.
  if (def.when === hasLength && def.check === 'min_length') {
    const minimum = def.minimum!;
    return (value) =>
      typeof value === 'string' && value.length >= 2 * minimum ? value : byCheck(value);
  }
  if (def.when === hasLength && def.check === 'max_length') {
    const maximum = def.maximum!;
    return (value) =>
      typeof value === 'string' && value.length <= maximum ? value : byCheck(value);
  }
  return byCheck;
}
