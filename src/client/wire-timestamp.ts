/** A Date as the wire's timestamp; an invalid Date becomes a string the schema refuses, naming the field. */
export function wireTimestamp<T>(value: T | Date): T | string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return value;
}
