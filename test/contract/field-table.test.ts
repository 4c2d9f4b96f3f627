import { describe, expect, it } from 'vitest';
import { FILTER_FIELDS } from '../../src/contract/field-table.js';
import {
  AuditLogEventSchema,
  AuditLogQuerySchema,
  itemSchema,
  SORT_FIELDS,
} from '../../src/contract/schemas/index.js';

const rows = Object.values(FILTER_FIELDS);

describe('the field table', () => {
  it('names only fields an event has', () => {
    for (const row of rows) expect(Object.keys(AuditLogEventSchema.shape)).toContain(row.field);
  });

  it('marks as sortable exactly the filter fields `sort_by` accepts', () => {
    const sortable = rows.filter((row) => row.sortable).map((row) => row.field);
    const sortFieldsOfFilters = SORT_FIELDS.filter((field) =>
      rows.some((row) => row.field === field),
    );
    expect(sortable.sort()).toEqual([...sortFieldsOfFilters].sort());
  });

  it('lists the values of each enum filter, and its schema accepts exactly those', () => {
    for (const row of rows.filter((r) => r.kind === 'enum')) {
      const values = 'values' in row ? row.values : [];
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(itemSchema(row).safeParse(value).success).toBe(true);
      expect(itemSchema(row).safeParse('not-a-value').success).toBe(false);
    }
  });
});

describe('exclusions', () => {
  it('gives every list filter an exclude_ twin in the query schema that checks values alike', () => {
    for (const [key, row] of Object.entries(FILTER_FIELDS)) {
      const value = 'values' in row ? row.values[0] : 'v';
      const good = AuditLogQuerySchema.safeParse({ [`exclude_${key}`]: [value] });
      expect(good.success && good.data).toMatchObject({ [`exclude_${key}`]: [value] });
      const bad = 'values' in row ? 'not-a-value' : '';
      expect(AuditLogQuerySchema.safeParse({ [`exclude_${key}`]: [bad] }).success).toBe(false);
    }
  });
});
