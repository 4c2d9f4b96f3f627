import type * as z from 'zod/mini';

/**
 * Field-level problems as the contract's `details` map (`{field_path: message}`). The first
 * message per path is kept: it is the one a person can act on first.
 */
export function issuesToDetails(error: z.core.$ZodError, prefix = ''): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    details[path] ??= issue.message;
  }
  return details;
}
