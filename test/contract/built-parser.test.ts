// The built parsers answer exactly what zod answers: the same verdict and the same output, for
// valid values and for values one field away from valid, on every schema of the contract.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { event, nearlyValid, tricky } from './nearly-valid.js';
import * as schemas from '../../src/contract/schemas/index.js';
import { safeParse } from '../../src/contract/schemas/index.js';

type Schema = Parameters<typeof safeParse>[0];
const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && '_zod' in value;
const contractSchemas = Object.entries(schemas as Record<string, unknown>).filter(
  (entry): entry is [string, Schema] => isSchema(entry[1]) && entry[0].endsWith('Schema'),
);

describe('built parsers', () => {
  it('cover the contract', () => {
    expect(contractSchemas.length).toBeGreaterThan(30);
  });

  it('agree with zod on every schema for valid and nearly valid values', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValid(), tricky), (value) => {
        for (const [name, schema] of contractSchemas) {
          const ours = safeParse(schema, value);
          const zods = schema.safeParse(value);
          expect(ours.success, name).toBe(zods.success);
          if (zods.success) expect(ours.data, name).toEqual(zods.data);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keep an own __proto__ key of metadata as data', () => {
    const metadata = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    const result = safeParse(schemas.AuditLogEventSchema, { ...event, metadata });
    expect(result.success && Object.hasOwn(result.data.metadata!, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('name the field of a malformed answer, as zod words it', () => {
    const result = safeParse(schemas.PaginatedAuditLogsSchema, {
      items: [event, { ...event, severity: 'loud' }],
      total: 2,
      page: 1,
      size: 50,
      pages: 1,
    });
    expect(result.success).toBe(false);
    expect(schemas.issuesToDetails(result.error!)).toEqual({
      'items.1.severity': expect.stringMatching(/expected one of/i),
    });
  });
});
