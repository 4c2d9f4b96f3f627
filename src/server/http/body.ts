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
  text: string;
  /** The body's bytes as sent, which idempotency fingerprints hash without encoding the text again. */
  bytes: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextDecoder();

export async function readJson<S extends z.ZodMiniType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<JsonBody<z.output<S>>> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  // As `Request.text()` decodes: UTF-8, a leading byte-order mark dropped, bad bytes replaced.
  const text = utf8.decode(bytes);
  return { value: parseJsonBody(text, schema), text, bytes };
}
