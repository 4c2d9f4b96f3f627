import * as z from 'zod/mini';

export const ErrorCode = {
  VALIDATION_ERROR: 'validation_error',
  AUTHENTICATION_ERROR: 'authentication_error',
  AUTHORIZATION_ERROR: 'authorization_error',
  NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  RATE_LIMIT_EXCEEDED: 'rate_limit_exceeded',
  SERVER_ERROR: 'server_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Every error answer. `error` stays a plain string so unknown codes from newer servers still parse. */
export const ErrorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.string())),
  retry_after: z.optional(z.number().check(z.gte(0))),
});
export type ErrorBody = z.output<typeof ErrorBodySchema>;
