import { ValidationError } from './errors/index.js';

/** One path segment from an id: encoded, so an id can never add a segment or a query. */
export function pathSegment(id: string, what: string): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new ValidationError(`A ${what} id is required`, { details: { id: 'Must not be empty' } });
  }
  return encodeURIComponent(id);
}
