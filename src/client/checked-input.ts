import { DOUBT, type Checked } from '../contract/checked.js';
import { AuditLogQueryCheck } from '../contract/generated/validators.js';
import type { AuditLogQueryInput } from '../contract/input-types.js';
import type { AuditLogQueryParsed } from '../contract/schemas/query.js';
import { wireTimestamp } from './wire-timestamp.js';

/**
 * Validates before sending with a schema's generated validator: a bad field is a
 * `ValidationError` naming it, and nothing is sent. Only a value the validator doubts loads
 * the schema (and zod), which decides it and words the error (`validateInput`).
 */
export async function checkInput<T>(checked: Checked<T>, value: unknown, what: string): Promise<T> {
  const vouched = checked.check(value);
  if (vouched !== DOUBT) return vouched;
  const [schema, { validateInput }] = await Promise.all([checked.schema(), import('./inputs.js')]);
  return validateInput(schema, value, what) as T;
}

export function validateQuery(query: AuditLogQueryInput = {}): Promise<AuditLogQueryParsed> {
  return checkInput(
    AuditLogQueryCheck,
    {
      ...query,
      start_date: wireTimestamp(query.start_date),
      end_date: wireTimestamp(query.end_date),
    },
    'query',
  );
}
