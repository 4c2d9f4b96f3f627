import * as z from 'zod/mini';
import { ApiKeyPermissionSchema, UserRoleSchema } from './enums.js';
import { IdSchema, optionalText, orNull, requiredText } from './fields.js';
import { TimestampSchema } from './timestamp.js';

export const LoginRequestSchema = z.object({
  username: requiredText(64),
  password: z.string().check(z.minLength(1, 'Must not be empty'), z.maxLength(256)),
  tenant_id: requiredText(128),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const RefreshRequestSchema = z.object({
  refresh_token: z.string().check(z.minLength(1), z.maxLength(512)),
});

export const LogoutRequestSchema = z.object({
  refresh_token: z.optional(z.string().check(z.maxLength(512))),
});

export const TokenResponseSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.string().check(z.minLength(1)),
  token_type: z.string(),
  /** Seconds until the access token expires (extension; absent on older servers). */
  expires_in: z.optional(z.int().check(z.gte(0))),
});
export type TokenResponse = z.output<typeof TokenResponseSchema>;

const usernameSchema = z
  .string()
  .check(
    z.minLength(3),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_.@-]+$/, 'Use letters, digits and _ . @ - only'),
  );
/**
 * The password policy: 12 to 256 characters, nothing more (no composition rules, as NIST
 * SP 800-63B advises). Length alone already refuses `password` and `12345678`.
 */
export const MIN_PASSWORD_LENGTH = 12;
const passwordSchema = z
  .string()
  .check(
    z.minLength(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`),
    z.maxLength(256),
  );
const rolesSchema = z.array(UserRoleSchema).check(
  z.minLength(1, 'Give at least one role'),
  z.refine((roles) => new Set(roles).size === roles.length, 'Roles must not repeat'),
);

export const UserCreateSchema = z.object({
  username: usernameSchema,
  email: z.email(),
  password: passwordSchema,
  full_name: optionalText(255),
  roles: rolesSchema,
  is_active: z._default(z.boolean(), true),
});
export type UserCreate = z.input<typeof UserCreateSchema>;

export const UserUpdateSchema = z
  .object({
    email: z.optional(z.email()),
    full_name: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
    password: z.optional(passwordSchema),
    /** Required with `password` when changing one's own: a stolen token alone is not enough. */
    current_password: z.optional(z.string().check(z.maxLength(256))),
    roles: z.optional(rolesSchema),
    is_active: z.optional(z.boolean()),
  })
  .check(z.refine((update) => Object.keys(update).length > 0, 'Give at least one field to change'));
export type UserUpdate = z.input<typeof UserUpdateSchema>;

export const UserResponseSchema = z.object({
  id: IdSchema,
  tenant_id: IdSchema,
  username: z.string(),
  email: z.string(),
  full_name: orNull(z.string()),
  roles: z.array(UserRoleSchema),
  is_active: z.boolean(),
  created_at: TimestampSchema,
  updated_at: orNull(TimestampSchema),
  last_login_at: orNull(TimestampSchema),
});
export type UserResponse = z.output<typeof UserResponseSchema>;

export const APIKeyCreateSchema = z.object({
  name: requiredText(100),
  permissions: z.array(ApiKeyPermissionSchema).check(
    z.minLength(1, 'Give at least one permission'),
    z.refine((p) => new Set(p).size === p.length, 'Permissions must not repeat'),
  ),
  expires_at: orNull(TimestampSchema),
});
export type APIKeyCreate = z.input<typeof APIKeyCreateSchema>;

export const APIKeyResponseSchema = z.object({
  id: IdSchema,
  name: z.string(),
  tenant_id: IdSchema,
  /** The user who created the key (the seed's model field; null from older servers). */
  user_id: orNull(IdSchema),
  permissions: z.array(ApiKeyPermissionSchema),
  /** The first characters of the key, to recognise it later; the key itself is never stored. */
  key_prefix: z.string(),
  /** The full key: present only in the answer that created it. */
  key: z.optional(z.string()),
  is_active: z.boolean(),
  created_at: TimestampSchema,
  expires_at: orNull(TimestampSchema),
  last_used_at: orNull(TimestampSchema),
  /** When the key last changed (its revocation); null when never. */
  updated_at: orNull(TimestampSchema),
});
export type APIKeyResponse = z.output<typeof APIKeyResponseSchema>;

export const APIKeyListSchema = z.array(APIKeyResponseSchema);
