import type * as z from 'zod/mini';
import { ResponseValidationError } from '../errors/index.js';
import { issuesToDetails, safeParse } from '../../contract/schemas/index.js';

/**
 * Validates an answer against the contract's schema inside the request, so a malformed
 * answer becomes one descriptive error here instead of `undefined` in a table cell later.
 */
export function parseResponseBody<S extends z.ZodMiniType>(
  text: string,
  schema: S,
  context: { status: number; requestId: string | undefined; what: string },
): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ResponseValidationError(
      `The server's answer to ${context.what} is not JSON (${text.length === 0 ? 'empty body' : `starts with ${JSON.stringify(text.slice(0, 20))}`}); check the client's baseUrl`,
      { status: context.status, requestId: context.requestId, code: 'invalid_json', cause },
    );
  }
  const result = safeParse(schema, value);
  if (!result.success) {
    const details = issuesToDetails(result.error);
    const [path, message] = Object.entries(details)[0]!;
    throw new ResponseValidationError(
      `The server's answer to ${context.what} does not match the contract: ${path}: ${message}`,
      { status: context.status, requestId: context.requestId, code: 'invalid_response', details },
    );
  }
  return result.data;
}
