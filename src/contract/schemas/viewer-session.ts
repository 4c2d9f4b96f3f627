import * as z from 'zod/mini';
import { IdSchema, requiredText } from './fields.js';
import { AuditLogQuerySchema } from './query.js';
import { TimestampSchema } from './timestamp.js';

/** Shortest and longest life of a viewer session, and its life when none is asked for. */
export const VIEWER_SESSION_TTL = { min: 60, max: 3600, default: 900 } as const;

/** Who a viewer session is for: the host's own user, named as the host knows them. */
export const ViewerSubjectSchema = z.object({
  id: requiredText(128),
  display_name: z.optional(z.string().check(z.maxLength(200))),
  email: z.optional(z.string().check(z.maxLength(320))),
});
export type ViewerSubject = z.output<typeof ViewerSubjectSchema>;

// The query's filters without its dates and sort.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const { start_date, end_date, sort_by, sort_order, ...scopeShape } = AuditLogQuerySchema.shape;

/**
 * The part of the log a viewer session may read: any query filters but dates. Strict, so a
 * date or a misspelt filter is refused instead of silently leaving the scope wider.
 */
export const ViewerScopeSchema = z.strictObject(scopeShape);
export type ViewerScope = z.output<typeof ViewerScopeSchema>;

/** What a viewer may do: always read, and export when the host allows it. */
export const ViewerPermissionSchema = z.enum(['read', 'export']);
export type ViewerPermission = z.output<typeof ViewerPermissionSchema>;

export const ViewerSessionCreateSchema = z.object({
  subject: ViewerSubjectSchema,
  permissions: z.array(ViewerPermissionSchema).check(
    z.refine((p) => p.includes('read'), 'A viewer session always reads: include "read"'),
    z.refine((p) => new Set(p).size === p.length, 'Permissions must not repeat'),
  ),
  scope: z.optional(ViewerScopeSchema),
  ttl_seconds: z._default(
    z.int().check(z.gte(VIEWER_SESSION_TTL.min), z.lte(VIEWER_SESSION_TTL.max)),
    VIEWER_SESSION_TTL.default,
  ),
});
export type ViewerSessionCreate = z.input<typeof ViewerSessionCreateSchema>;

/** No refresh token: the browser asks its host for a new session before `expires_at`. */
export const ViewerSessionResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.literal('bearer'),
  expires_in: z.int().check(z.gte(0)),
  expires_at: TimestampSchema,
  session_id: IdSchema,
});
export type ViewerSessionResponse = z.output<typeof ViewerSessionResponseSchema>;

export const SessionKindSchema = z.enum(['user', 'api_key', 'viewer']);
export type SessionKind = z.output<typeof SessionKindSchema>;

export const SessionPermissionSchema = z.enum(['read', 'write', 'export', 'manage']);
export type SessionPermission = z.output<typeof SessionPermissionSchema>;

/** What any credential may do, so a UI shows only what will work. */
export const SessionInfoSchema = z.object({
  kind: SessionKindSchema,
  tenant_id: IdSchema,
  permissions: z.array(SessionPermissionSchema),
  subject: z.object({
    id: z.string(),
    display_name: z.optional(z.string()),
    email: z.optional(z.string()),
  }),
  // Read leniently: a newer server's filters are dropped, not a failure.
  scope: z.optional(z.object(scopeShape)),
  expires_at: z.optional(TimestampSchema),
});
export type SessionInfo = z.output<typeof SessionInfoSchema>;
