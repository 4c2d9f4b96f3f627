// Values that sit on a boundary of some field of the contract, and values one field away
// from valid: what the validators built or generated from the schemas are checked with.
import fc from 'fast-check';

const nested = (depth: number): unknown => (depth === 0 ? 1 : { next: nested(depth - 1) });
/** Values that sit on a boundary of some field of the contract. */
export const tricky = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  '  ',
  ' padded ',
  'x',
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(255),
  'x'.repeat(256),
  '😀'.repeat(64),
  '😀'.repeat(65),
  '😀'.repeat(128),
  '😀'.repeat(200),
  'x😀'.repeat(120),
  'a\u0000b',
  '2026-12-02T05:15:39.123Z',
  '2026-12-02T05:15:39Z',
  '2026-12-02 05:15',
  '2026-12-02T05:15:39.123+02:00',
  '2024-02-29T00:00:00.000Z',
  '2026-02-29T00:00:00.000Z',
  '2026-12-02T24:00:00.000Z',
  'not a time',
  0,
  1,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  true,
  'info',
  'api_call',
  'csv',
  'day',
  'admin',
  'system_admin',
  [],
  ['info'],
  {},
  { amount: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  nested(32),
  nested(33),
  new Date(0),
);

export const event = {
  event_type: 'api_call',
  resource_type: 'order',
  action: 'create',
  severity: 'info',
  description: 'Order created',
  resource_id: 'order-1',
  metadata: { amount: 1 },
  user_id: 'user-1',
  id: 'evt-1',
  tenant_id: 'acme',
  timestamp: '2026-12-02T05:15:39.123Z',
  created_at: '2026-12-02T05:15:39.123Z',
  sequence: 0,
};
export const seeds: unknown[] = [
  event,
  { items: [event, event], total: 2, page: 1, size: 50, pages: 1 },
  [event],
  { username: 'admin', password: 'correct horse battery', tenant_id: 'acme' },
  {},
];

/** A seed with some of its fields (or its items' fields) replaced, added or removed. */
export const nearlyValid = (
  from: readonly unknown[] = seeds,
  keys: readonly string[] = [...Object.keys(event), 'items', 'total', 'page', 'size', 'extra'],
) =>
  fc
    .tuple(
      fc.constantFrom(...from),
      fc.array(fc.tuple(fc.constantFrom(...keys), tricky), {
        maxLength: 3,
      }),
      fc.boolean(),
    )
    .map(([seed, changes, intoItems]) => {
      const apply = (value: unknown): unknown => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
        const removed = new Set(changes.filter(([, to]) => to === undefined).map(([key]) => key));
        const copy = Object.fromEntries(Object.entries(value).filter(([key]) => !removed.has(key)));
        for (const [key, replacement] of changes) {
          if (replacement !== undefined) copy[key] = replacement;
        }
        return copy;
      };
      if (intoItems && typeof seed === 'object' && seed !== null && 'items' in seed) {
        return { ...seed, items: (seed as { items: unknown[] }).items.map(apply) };
      }
      return Array.isArray(seed) ? seed.map(apply) : apply(seed);
    });
