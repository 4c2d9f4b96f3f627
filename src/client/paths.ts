import { endpointPath, type Route } from '../contract/routes.js';
import { ValidationError } from './errors/index.js';

/**
 * An endpoint's method and its path below the base URL (no leading slash), with the `{id}`
 * filled in and encoded, so an id can never add a segment or a query. An empty id is a
 * `ValidationError` naming what it identifies, and nothing is sent.
 */
export function route<E extends Route>(
  endpoint: E,
  id?: { id: string; what: string },
): { method: E['method']; path: string } {
  if (id && (typeof id.id !== 'string' || id.id.length === 0)) {
    throw new ValidationError(`A ${id.what} id is required`, {
      details: { id: 'Must not be empty' },
    });
  }
  return {
    method: endpoint.method,
    path: endpointPath(endpoint, id ? { id: id.id } : {}).slice(1),
  };
}
