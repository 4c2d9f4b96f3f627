// The validators generated from the zod schemas (src/contract/generated/validators.ts) are
// what the viewer's first load checks answers and inputs with, without zod. They must be the
// generator's output for today's schemas, and answer as zod does: whatever they vouch for,
// zod accepts with the same output, and every valid JSON value gets their vouch.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, OUTPUT, TARGETS } from '../../scripts/generate-validators.js';
import { DOUBT, type Checked } from '../../src/contract/checked.js';
import * as generated from '../../src/contract/generated/validators.js';
import * as schemas from '../../src/contract/schemas/index.js';
import { event, nearlyValid, seeds, tricky } from './nearly-valid.js';

type Schema = Parameters<typeof schemas.safeParse>[0];
const targets = TARGETS.map((target) => ({
  name: target.name,
  checked: (generated as Record<string, unknown>)[`${target.name}Check`] as Checked<unknown>,
  schema: (schemas as Record<string, unknown>)[`${target.name}Schema`] as Schema,
}));

/** Plain JSON data: what a parsed answer or a query built from strings holds. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJson);
}

const summary = {
  total_count: 3,
  event_types: { api_call: 2, error: 1 },
  severities: { info: 3 },
  resource_types: { order: 3 },
  date_range: { start: '2026-12-01T00:00:00Z', end: null },
  timeline: [{ bucket: '2026-12-01T00:00:00.000Z', count: 3, severities: { info: 3 } }],
};
const query = {
  start_date: '2026-12-01T00:00:00Z',
  end_date: '2026-12-02 00:00',
  severities: ['error', 'critical'],
  exclude_user_ids: ['bot'],
  search: 'order',
  sort_by: 'severity',
};
const inputSeeds: unknown[] = [
  ...seeds,
  summary,
  query,
  { page: '2', size: 100 },
  { error: 'not_found', message: 'No such event', details: { id: 'unknown' } },
  { error: 'rate_limit_exceeded', message: 'Slow down', retry_after: 2 },
];
const inputKeys = [
  ...Object.keys(event),
  ...Object.keys(summary),
  ...Object.keys(query),
  'items',
  'total',
  'page',
  'size',
  'error',
  'message',
  'details',
  'retry_after',
  'extra',
];

describe('generated validators', () => {
  it('are what the generator writes from the schemas today (run `npm run generate`)', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await generate());
  });

  it('load the schema they were generated from, to word errors', async () => {
    for (const { name, checked, schema } of targets) {
      expect(await checked.schema(), name).toBe(schema);
    }
  });

  it('vouch only for what zod accepts, with its output, and for every valid JSON value', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValid(inputSeeds, inputKeys), tricky), (value) => {
        for (const { name, checked, schema } of targets) {
          const ours = checked.check(value);
          const zods = schema.safeParse(value);
          if (ours !== DOUBT) {
            expect(zods.success, name).toBe(true);
            expect(ours, name).toStrictEqual(zods.data);
          } else if (isJson(value)) {
            expect(zods.success, name).toBe(false);
          }
        }
      }),
      { numRuns: 600 },
    );
  });

  it('vouch for the contract’s own examples', () => {
    const check = (checked: Checked<unknown>, value: unknown) => checked.check(value) !== DOUBT;
    expect(check(generated.PaginatedAuditLogsCheck, seeds[1])).toBe(true);
    expect(check(generated.AuditLogSummaryCheck, summary)).toBe(true);
    expect(check(generated.AuditLogQueryCheck, query)).toBe(true);
    expect(generated.PaginationCheck.check({ page: '2' })).toEqual({ page: 2, size: 50 });
    expect(generated.AuditLogQueryFields.severities(['loud'])).toBe(DOUBT);
    expect(
      check(generated.AuditLogQueryCheck, { ...query, end_date: '2026-11-30T00:00:00Z' }),
    ).toBe(false);
  });
});
