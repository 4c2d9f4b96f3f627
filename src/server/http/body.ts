import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { payloadTooLargeError } from './api-error.js';
import type { AppEnv } from './context.js';
import { parseJsonBody } from './request-input.js';

/** Refuses bodies over `maxSize` bytes while reading, before they are held in memory. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw payloadTooLargeError(maxSize);
    },
  });
}

export interface JsonBody<T> {
  value: T;
  /** The body as sent, for idempotency fingerprints. */
  text: string;
}

export async function readJson<S extends z.ZodMiniType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<JsonBody<z.output<S>>> {
  const text = await c.req.text();
  return { value: parseJsonBody(text, schema), text };
}
