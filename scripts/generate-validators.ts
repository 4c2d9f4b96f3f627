// Writes src/contract/generated/validators.ts from the contract's zod schemas: plain
// functions, no zod and no `eval`, so what loads first (the viewer's first page of rows)
// checks answers without zod's code, under a strict Content-Security-Policy too. The
// schemas stay the one statement of each rule: every check here is read from a schema's
// definition, and a rule written as a function (a refine, a rewrite) is called by name from
// `src/contract/value-checks.ts`, the module the schema itself takes it from.
// `npm run generate` (part of `npm run build`); test/contract/generated-validators.test.ts
// fails when the file is stale or answers other than zod does.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import * as valueChecks from '../src/contract/value-checks.js';
import { listFilterFields } from '../src/contract/filter-list-parts.js';
import { filterFields } from '../src/contract/filter-lists.js';
import { itemSchema } from '../src/contract/schemas/query.js';
import { string } from '../src/contract/validator-parts.js';

/**
 * The schemas that get a validator: `<name>Schema` of `src/contract/schemas/<module>.ts`.
 * `fields` also exports a validator per property of an object schema.
 */
export const TARGETS = [
  { name: 'PaginatedAuditLogs', module: 'event' },
  { name: 'AuditLogEvent', module: 'event' },
  { name: 'AuditLogSummary', module: 'summary' },
  { name: 'AuditLogQuery', module: 'query', fields: true },
  { name: 'Pagination', module: 'query', fields: true },
  { name: 'SummaryInterval', module: 'enums' },
  { name: 'ErrorBody', module: 'errors' },
  { name: 'Id', module: 'fields' },
] as const;

export const OUTPUT = fileURLToPath(
  new URL('../src/contract/generated/validators.ts', import.meta.url),
);

interface Def {
  type: string;
  coerce?: boolean;
  checks?: Node[];
  shape?: Record<string, Node>;
  catchall?: unknown;
  element?: Node;
  innerType?: Node;
  defaultValue?: unknown;
  options?: Node[];
  in?: Node;
  out?: Node;
  transform?: unknown;
  keyType?: Node;
  valueType?: Node;
  mode?: string;
  // As a check:
  check?: string;
  when?: unknown;
  fn?: unknown;
  tx?: unknown;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Node {
  _zod: {
    def: Def;
    traits: Set<string>;
    optin?: 'optional' | 'defaulted';
    optout?: 'optional';
    values?: Set<unknown>;
  };
}

/** zod's condition for length checks unless told otherwise: the value has a length. */
const hasLength = (z.minLength(0) as unknown as Node)._zod.def.when;
/** zod's `trim()` rewrite, recognised by its source (each call makes a new closure). */
const trimSource = String((z.trim() as unknown as Node)._zod.def.tx);

/** The generated module's text (unformatted) for the given schemas. */
export function generateSource(schemas: Record<string, Node>): string {
  const names = new Map<unknown, string>();
  for (const [name, value] of Object.entries(valueChecks)) {
    if (typeof value === 'function') names.set(value, name);
  }
  const functions = new Set<string>();
  const parts = new Set<string>();
  const consts: string[] = [];
  const constIds = new Map<string, string>();
  const done = new Map<Node, { ref: string; exact: boolean }>();
  let listFields = '';
  const visiting = new Set<Node>();

  const part = (name: string) => (parts.add(name), name);
  function named(fn: unknown): string | undefined {
    const name = names.get(fn);
    if (name) functions.add(name);
    return name;
  }
  /** A module-level constant for `code`, shared by every schema built alike. */
  function constant(code: string): string {
    if (/^[A-Za-z]+$/.test(code)) return code;
    let id = constIds.get(code);
    if (!id) {
      id = `v${constIds.size}`;
      constIds.set(code, id);
      consts.push(`const ${id} = ${code};`);
    }
    return id;
  }

  /** The part validating `node`; `exact` when it doubts no valid JSON value. */
  function validator(node: Node): { ref: string; exact: boolean } {
    const known = done.get(node);
    if (known) return known;
    if (visiting.has(node)) throw new Error('A recursive schema cannot be generated');
    visiting.add(node);
    const owner = { exact: true };
    const type = typePart(node, owner);
    let checks = type === undefined ? undefined : checkParts(node);
    // These answer absence or null before the node's own checks would run on it.
    if (checks?.length && ['nullable', 'optional', 'default'].includes(node._zod.def.type))
      checks = undefined;
    let code: string;
    if (type === undefined || checks === undefined) {
      owner.exact = false;
      code = part('unsupported');
    } else if (checks.length === 0) code = type;
    else code = `${part('checked')}(${[type, ...checks].join(', ')})`;
    const entry = { ref: constant(code), exact: owner.exact };
    visiting.delete(node);
    done.set(node, entry);
    return entry;
  }
  function inner(node: Node, owner: { exact: boolean }): string {
    const entry = validator(node);
    if (!entry.exact) owner.exact = false;
    return entry.ref;
  }

  /** The part for the node's own kind, before its checks; undefined when not supported. */
  function typePart(node: Node, owner: { exact: boolean }): string | undefined {
    const def = node._zod.def;
    if (def.coerce) return undefined;
    switch (def.type) {
      case 'string':
      case 'number':
      case 'boolean':
        return part(def.type);
      case 'enum':
      case 'literal': {
        const values = [...node._zod.values!];
        if (!values.every((value) => typeof value === 'string' || typeof value === 'number'))
          return undefined;
        return `${part('oneOf')}(${JSON.stringify(values)})`;
      }
      case 'custom':
      case 'unknown':
      case 'any':
        return part('anything');
      case 'nullable':
        return `${part('nullable')}(${inner(def.innerType!, owner)})`;
      case 'optional':
        // Only an inner default substitutes for absence; that rare case is zod's.
        if (def.innerType!._zod.optin === 'defaulted') return undefined;
        return `${part('optional')}(${inner(def.innerType!, owner)})`;
      case 'default': {
        const value = def.defaultValue;
        if (value !== null && typeof value === 'object') return undefined;
        return `${part('withDefault')}(${inner(def.innerType!, owner)}, ${JSON.stringify(value)})`;
      }
      case 'array':
        return `${part('array')}(${inner(def.element!, owner)})`;
      case 'object':
        return def.catchall === undefined ? objectPart(def.shape!, owner) : undefined;
      case 'record':
        return recordPart(def, owner);
      case 'union': {
        const options = def.options!.map((option) => validator(option));
        // zod takes the first option that passes: a later one may answer only once every
        // earlier one is known to have refused.
        if (options.slice(0, -1).some((option) => !option.exact)) return undefined;
        if (!options.at(-1)!.exact) owner.exact = false;
        return `${part('union')}(${options.map((option) => option.ref).join(', ')})`;
      }
      case 'pipe':
        return `${part('pipe')}(${inner(def.in!, owner)}, ${inner(def.out!, owner)})`;
      case 'transform':
        return named(def.transform);
      default:
        return undefined;
    }
  }

  /**
   * The keys of `shape` that are the field table's list filters, each an optional list of
   * its row's values (as `listFilterFields` builds them), in that function's order.
   */
  function listFilterKeys(shape: Record<string, Node>): Set<string> {
    const expected = listFilterFields(string).map(([key]) => key);
    const rows = new Map(
      filterFields().flatMap(([key, row]) => [
        [key, row],
        [`exclude_${key}`, row],
      ]),
    );
    const found = Object.keys(shape).filter((key) => {
      const row = rows.get(key);
      const list = shape[key]!._zod.def;
      return (
        row !== undefined &&
        list.type === 'optional' &&
        list.innerType!._zod.def.type === 'array' &&
        list.innerType!._zod.def.element === (itemSchema(row) as unknown as Node)
      );
    });
    if (found.length === 0) return new Set();
    if (found.join() !== expected.join())
      throw new Error(`A shape holds list filters other than the field table's: ${found.join()}`);
    return new Set(found);
  }

  /**
   * zod's object rules, field by field as each one's `optin`/`optout` says. The list filters
   * are read from the field table when the module loads (`listFilterFields`).
   */
  function objectPart(shape: Record<string, Node>, owner: { exact: boolean }): string {
    const lists = listFilterKeys(shape);
    if (lists.size > 0) {
      const textRow = filterFields().find(([, row]) => !row.values)![1];
      const text = inner(itemSchema(textRow) as unknown as Node, owner);
      listFields = constant(`${part('listFilterFields')}(${text})`);
    }
    const fields = Object.keys(shape)
      .filter((key) => key !== '__proto__' && !(lists.has(key) && key !== [...lists][0]))
      .map((key) => {
        if (lists.has(key)) return `...${listFields}`;
        const { optin, optout } = shape[key]!._zod;
        const absence =
          optin === undefined
            ? 'REQUIRED'
            : optout === 'optional' && optin === 'optional'
              ? 'SKIPPED'
              : optin === 'defaulted' && optout !== 'optional'
                ? 'ALWAYS'
                : 'PRESENT';
        return `[${JSON.stringify(key)}, ${inner(shape[key]!, owner)}, ${part(absence)}]`;
      });
    return `${part('object')}([${fields.join(', ')}])`;
  }

  function recordPart(def: Def, owner: { exact: boolean }): string | undefined {
    const key = def.keyType!._zod;
    if (def.mode === 'loose') return undefined;
    // Objects no JSON document holds (another prototype, symbol keys) are doubted.
    owner.exact = false;
    const value = inner(def.valueType!, owner);
    if (key.def.type === 'string' && !key.def.checks?.length && !key.def.coerce)
      return `${part('record')}(${value})`;
    const partial = (def as { partial?: boolean }).partial;
    const values = key.def.type === 'enum' && partial ? [...key.values!] : [];
    if (values.length === 0 || !values.every((v) => typeof v === 'string')) return undefined;
    return `${part('record')}(${value}, ${JSON.stringify(values)})`;
  }

  /** The node's checks in zod's order; undefined when one is not supported. */
  function checkParts(node: Node): string[] | undefined {
    const checks = [
      ...(node._zod.traits.has('$ZodCheck') ? [node] : []),
      ...(node._zod.def.checks ?? []),
    ];
    const lines: string[] = [];
    for (const check of checks) {
      const line = checkPart(check._zod.def);
      if (line === undefined) return undefined;
      lines.push(line);
    }
    return lines;
  }

  function checkPart(def: Def): string | undefined {
    if (def.when !== undefined && def.when !== hasLength) return undefined;
    switch (def.check) {
      case 'overwrite':
        return String(def.tx) === trimSource ? part('trim') : named(def.tx);
      case 'custom': {
        const name = named(def.fn);
        return name && `${part('refine')}(${name})`;
      }
      case 'min_length':
        return `${part('minLength')}(${def.minimum})`;
      case 'max_length':
        return `${part('maxLength')}(${def.maximum})`;
      case 'greater_than':
        return typeof def.value === 'number'
          ? `${part('atLeast')}(${def.value}, ${def.inclusive === true})`
          : undefined;
      case 'less_than':
        return typeof def.value === 'number'
          ? `${part('atMost')}(${def.value}, ${def.inclusive === true})`
          : undefined;
      case 'number_format':
        return def.format === 'safeint' ? part('safeInteger') : undefined;
      case 'string_format':
        if (def.format !== 'regex' || def.pattern!.global || def.pattern!.sticky) return undefined;
        return `${part('matches')}(${String(def.pattern)})`;
      default:
        return undefined;
    }
  }

  const exports: string[] = [];
  const typeImports = new Set<string>();
  for (const target of TARGETS) {
    const schemaName = `${target.name}Schema`;
    const schema = schemas[schemaName];
    if (!schema) throw new Error(`${schemaName} is not exported from schemas/${target.module}.ts`);
    typeImports.add(schemaName);
    const { ref } = validator(schema);
    exports.push(
      `/** \`${schemaName}\` (schemas/${target.module}.ts). */`,
      `export const ${target.name}Check: Checked<z.output<typeof ${schemaName}>> = {`,
      `check: ${ref},`,
      `schema: () => import('../schemas/${target.module}.js').then((m) => m.${schemaName}),`,
      '};',
    );
    if ('fields' in target && target.fields) {
      const shape = schema._zod.def.shape!;
      const shapeType = `(typeof ${schemaName})['shape']`;
      exports.push(
        `/** Each property of \`${schemaName}\` on its own. */`,
        `export const ${target.name}Fields = {`,
        ...Object.entries(shape).flatMap(([key, node]) => {
          const lists = listFilterKeys(shape);
          if (!lists.has(key)) return [`${key}: ${validator(node).ref},`];
          return key === [...lists][0] ? [`...Object.fromEntries(${listFields}),`] : [];
        }),
        `} as { readonly [K in keyof ${shapeType}]: Check<z.output<${shapeType}[K]>> };`,
      );
    }
  }

  return [
    '// Generated by scripts/generate-validators.ts from the zod schemas of src/contract/schemas',
    '// (`npm run generate`, part of `npm run build`); edit the schemas, not this file.',
    "import type * as z from 'zod/mini';",
    "import type { Check, Checked } from '../checked.js';",
    `import { ${[...parts]
      .filter((name) => name !== 'listFilterFields')
      .sort()
      .join(', ')} } from '../validator-parts.js';`,
    parts.has('listFilterFields')
      ? "import { listFilterFields } from '../filter-list-parts.js';"
      : '',
    functions.size > 0
      ? `import { ${[...functions].sort().join(', ')} } from '../value-checks.js';`
      : '',
    `import type { ${[...typeImports].sort().join(', ')} } from '../schemas/index.js';`,
    '',
    ...consts,
    '',
    ...exports,
    '',
  ].join('\n');
}

/** The module as it is written: generated, then formatted as the repository formats code. */
export async function generate(): Promise<string> {
  const schemas: Record<string, Node> = {};
  for (const target of TARGETS) {
    Object.assign(
      schemas,
      (await import(`../src/contract/schemas/${target.module}.ts`)) as Record<string, Node>,
    );
  }
  const prettier = await import('prettier');
  const options = await prettier.resolveConfig(OUTPUT);
  return prettier.format(generateSource(schemas), { ...options, parser: 'typescript' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await generate();
  let before = '';
  try {
    before = readFileSync(OUTPUT, 'utf8');
  } catch {
    // First run.
  }
  if (text !== before) writeFileSync(OUTPUT, text);
  console.log(`${text === before ? 'unchanged' : 'wrote'} ${OUTPUT}`);
}
