import type * as z from 'zod/mini';
import { ResponseValidationError } from '../errors/index.js';
import { DOUBT, type Checked } from '../../contract/checked.js';
import { issuesToDetails } from '../../contract/schemas/details.js';

/** How an answer is checked: a generated validator with its schema behind `import()`, or a schema. */
export type AnswerCheck<T> = Checked<T> | z.ZodMiniType<T>;

/**
 * Validates an answer against the contract's schema inside the request, so a malformed
 * answer becomes one descriptive error here instead of `undefined` in a table cell later.
 * A generated validator vouches for the common, valid answer without loading zod; anything
 * it doubts is parsed by the schema itself, whose issues word the error.
 */
export async function parseResponseBody<T>(
  text: string,
  answer: AnswerCheck<T>,
  context: { status: number; requestId: string | undefined; what: string },
): Promise<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ResponseValidationError(
      `The server's answer to ${context.what} is not JSON (${text.length === 0 ? 'empty body' : `starts with ${JSON.stringify(text.slice(0, 20))}`}); check the client's baseUrl`,
      { status: context.status, requestId: context.requestId, code: 'invalid_json', cause },
    );
  }
  const generated = !('_zod' in answer);
  if (generated) {
    const checked = answer.check(value);
    if (checked !== DOUBT) return checked;
  }
  const [schema, { safeParse }] = await Promise.all([
    generated ? answer.schema() : answer,
    import('../../contract/schemas/safe-parse.js'),
  ]);
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
